"use server";

import { refresh } from "next/cache";
import { viewerPost } from "@/server/entry/actions";
import { updateTheme } from "@/server/people/theme";

/** The profile menu's theme choice: saved with the account, and the page is painted again in it. */
export const setTheme = viewerPost(updateTheme, {
  then: () => {
    refresh();
  },
});
