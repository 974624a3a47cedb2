/**
 * The e-mails Trustwork sends, each as plain text and HTML. An inbox may be read by
 * someone else, so they hold no clinical words, no exercise titles and no client names:
 * only enough to say there is something to see, and the link to see it.
 */

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** Every value put into HTML goes through this. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Paragraphs of text, each either words or a link; the same content makes both parts. */
type Paragraph = string | { link: string; label: string };

function compose(subject: string, greeting: string, paragraphs: Paragraph[]): MailContent {
  const text = [greeting, ...paragraphs.map((paragraph) => (typeof paragraph === 'string' ? paragraph : `${paragraph.label}: ${paragraph.link}`))].join(
    '\n\n',
  );
  const html = [greeting, ...paragraphs]
    .map((paragraph) =>
      typeof paragraph === 'string'
        ? `<p>${escapeHtml(paragraph)}</p>`
        : `<p><a href="${escapeHtml(paragraph.link)}">${escapeHtml(paragraph.label)}</a></p>`,
    )
    .join('\n');
  return { subject, text: `${text}\n`, html: `<!doctype html>\n<html><body style="font-family: sans-serif; line-height: 1.5">\n${html}\n</body></html>\n` };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** `portalUrl` and `dashboardUrl` are where each app is served (AppConfig's links). */
export function homeworkDueMail(input: { firstName: string; dueToday: number; portalUrl: string }): MailContent {
  return compose('Something to fill in today', `Hi ${input.firstName},`, [
    `You have ${plural(input.dueToday, 'sheet', 'sheets')} to fill in today in your Trustwork space.`,
    { link: `${input.portalUrl}/`, label: 'Open your space' },
    'The link opens your space on the phone or computer where you opened your personal link before.',
    "Rather not get these e-mails? You can turn reminders off in your Trustwork space.",
  ]);
}

/** No agreement titles or names: an inbox may be shared, and a title can say what the therapy is about. */
export function agreementsToSignMail(input: { practiceName: string }): MailContent {
  return compose('An agreement to read and sign', 'Hello,', [
    `${input.practiceName} has an agreement for you to read and sign. Open the portal link your therapist gave you and choose Agreements.`,
  ]);
}

export function safetyReportMail(input: { caseId: string; dashboardUrl: string }): MailContent {
  return compose('A private safety report is waiting for you', 'Hello,', [
    'A client on one of your cases sent a private safety report. Please read it in Trustwork as soon as you can.',
    { link: `${input.dashboardUrl}/cases/${input.caseId}`, label: 'Open the case' },
  ]);
}

export function weeklyDigestMail(input: {
  name: string;
  openAlerts: number;
  sessionsThisWeek: number;
  homeworkOverdue: number;
  dashboardUrl: string;
}): MailContent {
  return compose('Your week in Trustwork', `Hi ${input.name},`, [
    `Open alerts on your cases: ${input.openAlerts}`,
    `Your sessions this week: ${input.sessionsThisWeek}`,
    `Homework overdue on your cases: ${input.homeworkOverdue}`,
    { link: `${input.dashboardUrl}/`, label: 'Open your dashboard' },
    'You get this e-mail on Monday mornings because you asked for it. You can turn it off in Trustwork.',
  ]);
}

export function passwordResetMail(input: { name: string; token: string; minutes: number; dashboardUrl: string }): MailContent {
  return compose('Choose a new Trustwork password', `Hi ${input.name},`, [
    'Someone asked to reset the password of your Trustwork account. If it was you, choose a new password here:',
    { link: `${input.dashboardUrl}/reset-password#token=${input.token}`, label: 'Choose a new password' },
    `The link works once, for ${input.minutes} minutes. Choosing a new password signs you out everywhere.`,
    'If you did not ask for this, ignore this e-mail: your password stays as it is.',
  ]);
}

export function emailConfirmationMail(input: { name: string; token: string; hours: number; dashboardUrl: string }): MailContent {
  return compose('Confirm your new e-mail address for Trustwork', `Hi ${input.name},`, [
    'You asked to sign in to Trustwork with this e-mail address from now on. Confirm it here:',
    { link: `${input.dashboardUrl}/confirm-email#token=${input.token}`, label: 'Confirm this address' },
    `The link works once, for ${input.hours} hours. Until then you sign in with your old address.`,
    'If you did not ask for this, ignore this e-mail.',
  ]);
}

/** To the old address, so a change made by someone else does not go unnoticed. */
export function emailChangeNoticeMail(input: { name: string; dashboardUrl: string }): MailContent {
  return compose('Your Trustwork e-mail address is being changed', `Hi ${input.name},`, [
    'Someone signed in to your Trustwork account asked to change its e-mail address. The change happens only when the link sent to the new address is opened.',
    'If this was not you, change your password now and tell your practice owner.',
    { link: `${input.dashboardUrl}/`, label: 'Open Trustwork' },
  ]);
}
