/**
 * The e-mails Trustwork sends, each as plain text and HTML. An inbox may be read by
 * someone else, so they hold no clinical words, no exercise titles and no client names:
 * only enough to say there is something to see, and the link to see it.
 */

import { VIDEO_LINK_SHOWN_MINUTES_BEFORE, type SessionModality } from '@trustwork/contracts';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  /** Files sent with the message (nodemailer's attachments), such as an appointment's calendar file. */
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
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

/**
 * Before an appointment, to one person: never who else comes, nor what the appointment
 * is for. `when` names the zone ("Tuesday 9 December 2026, 18:00 (Europe/London)");
 * `shortWhen` is for the subject ("Tue 9 Dec at 18:00").
 */
export function sessionReminderMail(input: {
  sessionId: string;
  when: string;
  shortWhen: string;
  durationMinutes: number;
  modality: SessionModality;
  address: string | null;
  portalUrl: string;
}): MailContent {
  const session = `${input.portalUrl}/sessions/${input.sessionId}`;
  return compose(`Reminder: your appointment on ${input.shortWhen}`, 'Hello,', [
    `This is a reminder of your appointment on ${input.when}. It lasts ${plural(input.durationMinutes, 'minute', 'minutes')}.`,
    appointmentPlace(input.modality, input.address),
    { link: `${session}?reply=confirm`, label: "I'll be there" },
    { link: `${session}?reply=cancel`, label: "I can't come" },
    'The attached file adds the appointment to your calendar.',
    'You can turn these e-mails off in your Trustwork space.',
  ]);
}

function appointmentPlace(modality: SessionModality, address: string | null): string {
  if (modality === 'video') return `The video link will be in your Trustwork space from ${VIDEO_LINK_SHOWN_MINUTES_BEFORE} minutes before the start.`;
  if (modality === 'phone') return 'Your therapist will phone you.';
  return address ? `Where: ${address}` : 'Your therapist will tell you where to come.';
}

/** To the clinician: no name and no reason, which they read in Trustwork. `when` names the zone. */
export function sessionCancelledMail(input: { when: string; date: string; late: boolean; dashboardUrl: string }): MailContent {
  return compose('A client cancelled an appointment', 'Hello,', [
    `A client cancelled the appointment on ${input.when}${input.late ? ' (late cancellation)' : ''}.`,
    { link: `${input.dashboardUrl}/calendar?date=${input.date}`, label: 'Open your calendar' },
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

/**
 * An issued invoice (or a credit note) to whoever pays it, the PDF attached. Money words only:
 * no service names, codes or anything that says what the money is for, as the inbox may not be
 * the payer's alone. A credit note asks for nothing, so it names what it corrects instead.
 */
export function invoiceMail(input: {
  number: string;
  practiceName: string;
  /** What is due now, or, for a credit note, what it credits. */
  amount: string;
  dueOn: string | null;
  paymentInstructions: string | null;
  /** A credit note: the invoice it corrects. */
  corrects: string | null;
  pdf: Buffer;
}): MailContent {
  const document = input.corrects ? 'credit note' : 'invoice';
  const paragraphs = input.corrects
    ? [`${input.practiceName} has sent you credit note ${input.number} for ${input.amount}, which reduces invoice ${input.corrects}.`]
    : [
        `${input.practiceName} has sent you invoice ${input.number}. The amount due is ${input.amount}${input.dueOn ? `, by ${input.dueOn}` : ''}.`,
        input.paymentInstructions ? `How to pay: ${input.paymentInstructions}` : `To pay, please contact ${input.practiceName}.`,
      ];
  const content = compose(`${input.corrects ? 'Credit note' : 'Invoice'} ${input.number} from ${input.practiceName}`, 'Hello,', [
    ...paragraphs,
    `The ${document} is attached as a PDF.`,
  ]);
  return { ...content, attachments: [{ filename: `${input.number}.pdf`, content: input.pdf, contentType: 'application/pdf' }] };
}
