import { getTranslations } from "@/server/entry/translations";
import { STATUS_DEFINITIONS, type RequestStatus } from "@/domain";
import { StatusBadge, type StatusBadgeSize } from "./status-badge";

/** One status, named in the viewer's language here: for a page that shows one. */
export async function TranslatedStatusBadge({ status, size }: { status: RequestStatus; size?: StatusBadgeSize }) {
  const t = await getTranslations();
  return <StatusBadge status={status} label={t(STATUS_DEFINITIONS[status].labelKey)} size={size} />;
}
