"use client";

import "./globals.css";

// When even the site's layout fails, nothing of the app is left to translate with: the page says
// what happened in the browser's language, from these three texts.
const TEXTS = {
  en: { title: "Portico could not show this page", body: "Something went wrong on our side. Reload the page in a moment.", retry: "Reload" },
  ko: { title: "Portico에서 이 페이지를 표시할 수 없습니다", body: "서버에서 문제가 발생했습니다. 잠시 후 페이지를 다시 불러오세요.", retry: "다시 불러오기" },
  it: { title: "Portico non è riuscito a mostrare questa pagina", body: "Qualcosa non ha funzionato da parte nostra. Ricarica la pagina tra un momento.", retry: "Ricarica" },
} as const;

function language(): keyof typeof TEXTS {
  const preferred = typeof navigator === "undefined" ? [] : navigator.languages;
  for (const tag of preferred) {
    const code = tag.slice(0, 2).toLowerCase();
    if (code === "en" || code === "ko" || code === "it") return code;
  }
  return "en";
}

export default function GlobalError() {
  const lang = language();
  const text = TEXTS[lang];
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <main className="mx-auto mt-16 max-w-xl rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
          <h1 className="text-2xl font-semibold">{text.title}</h1>
          <p className="mt-2 text-slate-700">{text.body}</p>
          <button type="button" onClick={() => window.location.reload()} className="mt-6 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
            {text.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
