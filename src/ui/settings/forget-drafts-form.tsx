"use client";

import type { ReactNode } from "react";
import { forgetDrafts } from "../draft";

/** A plain form post that, when it signs this browser out, first forgets the drafts kept in it. */
export function ForgetDraftsForm(props: { action: (formData: FormData) => Promise<void>; forget: boolean; children: ReactNode }) {
  return (
    <form action={props.action} onSubmit={props.forget ? () => forgetDrafts() : undefined}>
      {props.children}
    </form>
  );
}
