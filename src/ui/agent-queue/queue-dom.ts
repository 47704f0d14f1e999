// Names the queue's rows and its other client parts share.

/** The bulk form; every row's checkbox belongs to it through the `form` attribute. */
export const BULK_FORM_ID = "queue-bulk";

/** The rows' selection checkboxes. */
export const ROW_CHECKBOXES = `input[type="checkbox"][name="requestIds"][form="${BULK_FORM_ID}"]`;

/** The rows the keyboard moves through, and the mark of the current one. */
export const QUEUE_ROWS = "tr[data-queue-row]";
export const CURRENT_ROW_ATTRIBUTE = "data-current";
