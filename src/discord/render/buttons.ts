import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';

/** Custom ids of the bot's buttons: `<kind>:<args…>`, parsed by the component router. */
export const customIds = {
  vote: (vote: 'up' | 'down', answerId: string) => `fb:${vote}:${answerId}`,
  sources: (answerId: string) => `src:${answerId}`,
  escalate: (answerId: string) => `esc:${answerId}`,
  page: (viewId: string, page: number) => `page:${viewId}:${page}`,
  removeDocument: (docId: string) => `docrm:${docId}`,
};

type Row = APIActionRowComponent<APIButtonComponent>;

const button = (
  custom_id: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponent => ({
  type: ComponentType.Button,
  custom_id,
  label,
  style,
  disabled,
});

/** The buttons under an answer: 👍, 👎, Sources, and "Ask a moderator" when escalation is configured. */
export function answerButtons(answerId: string, options: { sources: boolean; escalation: boolean }): Row[] {
  const components = [button(customIds.vote('up', answerId), '👍'), button(customIds.vote('down', answerId), '👎')];
  if (options.sources) components.push(button(customIds.sources(answerId), 'Sources', ButtonStyle.Primary));
  if (options.escalation) components.push(button(customIds.escalate(answerId), '🙋 Ask a moderator'));
  return [{ type: ComponentType.ActionRow, components }];
}

/** Previous / page n of m / next; no buttons for a single page. */
export function pagerButtons(viewId: string, page: number, pages: number): Row[] {
  if (pages <= 1) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(customIds.page(viewId, page - 1), '◀ Previous', ButtonStyle.Secondary, page <= 0),
        button(`page-label:${viewId}`, `${page + 1} / ${pages}`, ButtonStyle.Secondary, true),
        button(customIds.page(viewId, page + 1), 'Next ▶', ButtonStyle.Secondary, page >= pages - 1),
      ],
    },
  ];
}

/** The confirmation under /documents remove: one red button that removes the document. */
export function removeDocumentButton(docId: string): Row[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, custom_id: customIds.removeDocument(docId), label: 'Remove it', style: ButtonStyle.Danger }],
    },
  ];
}
