"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import type { Locale } from "@/i18n/locales";
import type { ThemeChoice } from "@/schemas/theme-choices";
import { Avatar } from "./avatar";
import { forgetDrafts } from "./draft";
import { LanguageSwitch } from "./language-switch";
import { signOutOfPortal } from "./sign-out";
import { ThemeSwitch, type ThemeLabels } from "./theme-switch";

export interface ProfileMenuLabels {
  supportRequests: string;
  /** Present for customers: the Organization-level access page. */
  organizationAccess?: string;
  /** Present for agents: the agent console's queue. */
  agentConsole?: string;
  sessions: string;
  changePassword: string;
  notifications: string;
  apiTokens: string;
  signOut: string;
  language: string;
  theme: ThemeLabels;
}

// Strings arrive translated from the server, so no message catalogue ships to the browser.
export function ProfileMenu(props: {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  languageAction: (formData: FormData) => Promise<void>;
  theme: ThemeChoice;
  themeAction: (formData: FormData) => Promise<void>;
  labels: ProfileMenuLabels;
}) {
  const { id, name, email, locale, languageAction, theme, themeAction, labels } = props;
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", closeOnOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("mousedown", closeOnOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-full py-1 pl-1 pr-3 text-sm max-sm:pr-1 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <Avatar person={{ id, name }} size="md" />
        {/* On a phone the avatar alone opens the menu; the name stays for screen readers. */}
        <span className="max-w-[12rem] truncate font-medium max-sm:sr-only">{name}</span>
      </button>
      {open && (
        <div id={menuId} className="absolute right-0 z-10 mt-2 max-h-[calc(100dvh-4.5rem)] w-64 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white py-2 shadow-lg">
          <div className="border-b border-slate-100 px-4 pb-2">
            <p className="truncate text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-slate-600">{email}</p>
          </div>
          <ul className="pt-1">
            <li>
              <Link href="/requests" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm hover:bg-slate-50 focus-visible:bg-slate-50">
                {labels.supportRequests}
              </Link>
            </li>
            {labels.agentConsole && (
              <li>
                <Link href="/agent" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm hover:bg-slate-50 focus-visible:bg-slate-50">
                  {labels.agentConsole}
                </Link>
              </li>
            )}
            {labels.organizationAccess && (
              <li>
                <Link href="/organization-access" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm hover:bg-slate-50 focus-visible:bg-slate-50">
                  {labels.organizationAccess}
                </Link>
              </li>
            )}
            <li className="mt-1 border-t border-slate-100 pt-1">
              <Link href="/settings/sessions" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm hover:bg-slate-50 focus-visible:bg-slate-50">
                {labels.sessions}
              </Link>
            </li>
            <li>
              <Link href="/settings/password" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm hover:bg-slate-50 focus-visible:bg-slate-50">
                {labels.changePassword}
              </Link>
            </li>
            <li>
              <Link href="/settings/notifications" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm hover:bg-slate-50 focus-visible:bg-slate-50">
                {labels.notifications}
              </Link>
            </li>
            <li>
              <Link href="/settings/api-tokens" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm hover:bg-slate-50 focus-visible:bg-slate-50">
                {labels.apiTokens}
              </Link>
            </li>
            <li className="my-1 border-y border-slate-100 pb-1">
              <LanguageSwitch action={languageAction} current={locale} label={labels.language} variant="menu" />
            </li>
            <li className="mb-1 border-b border-slate-100 pb-1">
              <ThemeSwitch action={themeAction} current={theme} labels={labels.theme} />
            </li>
            <li>
              <button
                type="button"
                onClick={() => {
                  forgetDrafts();
                  void signOutOfPortal();
                }}
                className="block w-full px-4 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-50"
              >
                {labels.signOut}
              </button>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
