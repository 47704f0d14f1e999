"use client";

import { createContext, useContext, type ReactNode } from "react";

// The error page's texts, translated by the layout on the server. The error page is a client component
// and the only one that needs texts of its own; a message formatter in the browser for four strings
// would load on every page.

export interface ErrorPageTexts {
  title: string;
  body: string;
  retry: string;
  home: string;
}

const Texts = createContext<ErrorPageTexts | null>(null);

export function ErrorPageTextsProvider({ texts, children }: { texts: ErrorPageTexts; children: ReactNode }) {
  return <Texts.Provider value={texts}>{children}</Texts.Provider>;
}

export function useErrorPageTexts(): ErrorPageTexts {
  const texts = useContext(Texts);
  if (!texts) throw new Error("The error page is shown outside the root layout's ErrorPageTextsProvider.");
  return texts;
}
