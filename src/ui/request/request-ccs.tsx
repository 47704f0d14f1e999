import { getTranslations } from "@/server/entry/translations";
import type { RequestPage } from "@/server/requests/get-request-page";
import type { FormAction } from "@/ui/form-state";
import { CcManager } from "./cc-manager";

/** A request's CCs: managed where the viewer may (the requester, agents), listed otherwise. */
export async function RequestCcs({ page, actions }: { page: Pick<RequestPage, "id" | "ccs" | "ccCandidates" | "canManageCcs">; actions: { add: FormAction; remove: FormAction } }) {
  const t = await getTranslations("request.cc");
  if (page.canManageCcs) {
    return (
      <CcManager
        requestId={page.id}
        ccs={page.ccs}
        candidates={page.ccCandidates}
        addAction={actions.add}
        removeAction={actions.remove}
        labels={{
          none: t("none"),
          add: t("add"),
          addSubmit: t("addSubmit"),
          choose: t("choose"),
          removeButton: t("removeButton"),
          remove: Object.fromEntries(page.ccs.map((cc) => [cc.id, t("remove", { name: cc.name })])),
          noCandidates: t("noCandidates"),
        }}
      />
    );
  }
  if (page.ccs.length === 0) return <p className="text-slate-700">{t("none")}</p>;
  return (
    <ul>
      {page.ccs.map((cc) => (
        <li key={cc.id}>{cc.name}</li>
      ))}
    </ul>
  );
}
