// npm run api:document — writes the Requests API's OpenAPI document, generated from the code, to
// docs/api/openapi.json (the committed copy a test holds to the code; docs/api.md).
import { writeFileSync } from "node:fs";
import { apiDocument } from "../src/server/api/openapi";
import { API_DOCUMENT_PATH, documentText } from "./lib/api-document";

writeFileSync(API_DOCUMENT_PATH, documentText(apiDocument()));
console.log(`Wrote ${API_DOCUMENT_PATH}`);
