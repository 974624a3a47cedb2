import { CHECK_IN_RATING_PROMPTS } from './check-in';
import type {
  ChoicePrompt,
  DatePrompt,
  Exercise,
  ExercisePhase,
  ScalePrompt,
  TextPrompt,
  YesNoPrompt,
} from './types';

/*
 * The built-in exercise library: one template for each exercise idea in
 * shared/trust-program.md, plus three that fill gaps the phases describe
 * (i-feel-when, setback-plan, caring-for-yourself). All wording is our own.
 *
 * Wording rules for anything the client sees (title, instructions, labels, help,
 * option labels): second person, plain and kind; no blame; no pressure to forgive;
 * no promise that things will turn out well; "the other person" / "them" rather than
 * "partner", so sheets also fit a parent and child, siblings or friends.
 *
 * Keys (of exercises, prompts and options) are ids: never rename them. Change wording
 * freely, but bump the exercise's `version` when prompts or client wording change.
 */

const text = (prompt: Omit<TextPrompt, 'type'>): TextPrompt => ({ type: 'text', ...prompt });
const scale = (prompt: Omit<ScalePrompt, 'type' | 'min' | 'max'>): ScalePrompt => ({ type: 'scale', min: 0, max: 10, ...prompt });
const yesNo = (prompt: Omit<YesNoPrompt, 'type'>): YesNoPrompt => ({ type: 'yes-no', ...prompt });
const choice = (prompt: Omit<ChoicePrompt, 'type'>): ChoicePrompt => ({ type: 'choice', ...prompt });
const date = (prompt: Omit<DatePrompt, 'type'>): DatePrompt => ({ type: 'date', ...prompt });

const steps = (...lines: string[]): string => lines.join('\n');

export const EXERCISES: readonly Exercise[] = [
  // Phase 1: taking ownership
  {
    key: 'own-your-role',
    version: 1,
    title: 'Looking honestly at your part',
    phase: 1,
    audience: 'broke-trust',
    sheet: 'own',
    cadence: { kind: 'once', dueInDays: 7 },
    minutes: 30,
    purpose:
      'Helps the person who broke trust put into plain words what they did and how it affected the other person, before any apology, without excuses, minimising or counter-blame.',
    instructions:
      'Find a quiet half hour when you will not be interrupted. Write down what you did, plainly, as if describing it to someone who was not there. Then write how you think it has affected the other person. ' +
      'Leave out reasons, background and anything they did: those may matter later, but not on this sheet. Your answers go to your therapist only, unless you choose to share them.',
    clinicianNotes:
      'Use before the apology plan. Expect explanations and counter-blame to creep in; reflect them back gently in session rather than treating the sheet as failed. ' +
      'If the account minimises a safety issue (violence, threats, coercion), pause joint work and assess safety first. Shame can stall this sheet: pair it with the self-compassion note if so.',
    prompts: [
      text({
        key: 'what-happened',
        label: 'What did you do?',
        help: 'Describe it plainly, in your own words. Stick to your own actions; reasons and background can wait.',
        required: true,
        maxLength: 3000,
        multiline: true,
      }),
      text({
        key: 'effect-on-them',
        label: 'How do you think it has affected the other person?',
        help: 'Think about their feelings, their sense of safety and their everyday life.',
        required: true,
        maxLength: 3000,
        multiline: true,
      }),
      yesNo({
        key: 'urge-to-explain',
        label: 'While writing, did you feel an urge to explain, excuse or point to their part?',
        help: 'That urge is very common. Noticing it is what matters here.',
        required: true,
      }),
      scale({
        key: 'ownership',
        label: 'How fully do you feel you own what happened, right now?',
        required: true,
        minLabel: 'Not at all yet',
        maxLabel: 'Completely',
      }),
      text({
        key: 'hardest-part',
        label: 'What was hardest to write?',
        required: false,
        maxLength: 1000,
        multiline: true,
      }),
    ],
  },

  // Phase 2: the apology
  {
    key: 'apology-plan',
    version: 1,
    title: 'Preparing your apology',
    phase: 2,
    audience: 'broke-trust',
    sheet: 'own',
    cadence: { kind: 'once', dueInDays: 7 },
    minutes: 40,
    purpose:
      'Helps the person who broke trust prepare a specific, sincere apology (what they did, its effect, their regret and what will change) and rehearse it before offering it.',
    instructions: steps(
      'An apology tends to land better when it is prepared, specific, and about the other person rather than about you.',
      '1. Write down exactly what you did.',
      '2. Write how it affected them.',
      '3. Write what you regret, in sentences that start with "I".',
      '4. Name one or two changes you are committing to: things they will be able to see.',
      '5. Read it aloud, or practise it with your therapist, until it sounds like you.',
      'Try to leave out "but", "if you were hurt" and explanations. An apology is a gift, not a trade: it does not ask for forgiveness in return.',
    ),
    clinicianNotes:
      'Review the draft in session before it is offered; watch for conditional wording ("if", "but"), regret that centres the speaker, and promises that cannot be kept. ' +
      'The hurt person owes no response, and forgiveness is not the aim of this step. Follow with "Asking for a good time to talk" so the hurt person chooses the moment, or offer the apology in session.',
    prompts: [
      text({ key: 'what-i-did', label: 'What exactly did you do?', required: true, maxLength: 2000, multiline: true }),
      text({ key: 'its-effect', label: 'How did it affect them?', required: true, maxLength: 2000, multiline: true }),
      text({
        key: 'my-regret',
        label: 'What do you regret?',
        help: 'Write it the way you would say it, in sentences that start with "I".',
        required: true,
        maxLength: 1500,
        multiline: true,
      }),
      text({
        key: 'my-commitment',
        label: 'What will you do differently, in ways they will be able to see?',
        help: 'Choose changes you can keep. One promise kept counts for more than many made.',
        required: true,
        maxLength: 1500,
        multiline: true,
      }),
      choice({
        key: 'rehearsal',
        label: 'Have you practised saying it?',
        required: true,
        options: [
          { key: 'aloud-alone', label: 'Yes, I read it aloud on my own' },
          { key: 'with-therapist', label: 'Yes, I practised it with my therapist' },
          { key: 'not-yet', label: 'Not yet' },
        ],
      }),
      scale({
        key: 'readiness',
        label: 'How ready do you feel to offer this apology?',
        required: true,
        minLabel: 'Not ready',
        maxLabel: 'Fully ready',
      }),
    ],
  },
  {
    key: 'ask-for-a-good-time',
    version: 1,
    title: 'Asking for a good time to talk',
    phase: 2,
    audience: 'broke-trust',
    sheet: 'own',
    cadence: { kind: 'once', dueInDays: 7 },
    minutes: 10,
    purpose:
      'The person who broke trust asks for a conversation and lets the hurt person choose when and where, so the apology or a hard talk happens on their terms.',
    instructions:
      'Ask the other person, simply and without pressure, whether they would be willing to talk, and let them choose the day, the time and the place. ' +
      'If they say not yet, accept it and let them know the offer stands. Then note here what you agreed.',
    clinicianNotes:
      'The hurt person chooses the time and may decline or postpone; make sure the asker understands that "not yet" is a complete answer. Repeated asking can feel like pressure, so agree in session how often the offer may be renewed. ' +
      'If the hurt person would rather have the conversation in session, that is a good choice.',
    prompts: [
      yesNo({ key: 'asked', label: 'Have you asked them for a time to talk?', required: true }),
      choice({
        key: 'their-answer',
        label: 'What did they say?',
        required: false,
        options: [
          { key: 'chose-a-time', label: 'They chose a time' },
          { key: 'in-session', label: 'They would rather talk in a session' },
          { key: 'not-yet', label: 'They are not ready yet' },
          { key: 'no-answer-yet', label: 'They have not answered yet' },
        ],
      }),
      date({ key: 'agreed-date', label: 'The day they chose', required: false }),
      text({
        key: 'time-and-place',
        label: 'The time and place they chose',
        required: false,
        maxLength: 200,
        multiline: false,
      }),
      text({
        key: 'how-it-went',
        label: 'How did asking go for you?',
        required: false,
        maxLength: 1000,
        multiline: true,
      }),
    ],
  },

  // Phase 3: telling and hearing the hurt
  {
    key: 'expressing-the-hurt',
    version: 1,
    title: 'Putting your hurt into words',
    phase: 3,
    audience: 'hurt',
    sheet: 'own',
    cadence: { kind: 'once', dueInDays: 7 },
    minutes: 30,
    purpose:
      'Gives the hurt person a safe, private place to name the impact in "I feel … because …" form, ready to bring to a session or to the other person if and when they choose.',
    instructions:
      'Write about how this has been for you. There are no wrong feelings here, and you do not have to be fair, calm or finished. ' +
      'It can help to write sentences that start "I feel …" and go on "because …". Take breaks if it gets heavy. You decide what, if anything, the other person sees, and when.',
    clinicianNotes:
      'Can be repeated: hurt often surfaces in layers. Do not coach the hurt person to soften their feelings for the other person\'s sake. ' +
      'If writing brings up overwhelming distress, thoughts of self-harm or fear for their safety, make that the priority. Sharing the sheet is always the author\'s choice.',
    prompts: [
      choice({
        key: 'feelings',
        label: 'Which feelings are with you at the moment?',
        help: 'Choose as many as fit.',
        required: false,
        multiple: true,
        options: [
          { key: 'sad', label: 'Sad' },
          { key: 'angry', label: 'Angry' },
          { key: 'betrayed', label: 'Betrayed' },
          { key: 'anxious', label: 'Anxious or on edge' },
          { key: 'confused', label: 'Confused' },
          { key: 'ashamed', label: 'Ashamed or embarrassed' },
          { key: 'numb', label: 'Numb or shut down' },
          { key: 'lonely', label: 'Lonely' },
          { key: 'hopeful', label: 'Hopeful, even a little' },
        ],
      }),
      text({
        key: 'i-feel-because',
        label: 'How do you feel, and why?',
        help: 'Try sentences that begin "I feel …" and go on "because …". Write as many as you need.',
        required: true,
        maxLength: 3000,
        multiline: true,
      }),
      text({ key: 'hardest-part', label: 'What has been the hardest part for you?', required: false, maxLength: 2000, multiline: true }),
      text({
        key: 'what-i-need',
        label: 'Is there anything you need from the other person right now?',
        required: false,
        maxLength: 1500,
        multiline: true,
      }),
      scale({
        key: 'distress',
        label: 'How upsetting was it to write this?',
        required: true,
        minLabel: 'Not at all',
        maxLabel: 'Very upsetting',
      }),
      choice({
        key: 'sharing',
        label: 'What would you like to do with what you wrote?',
        required: true,
        options: [
          { key: 'keep-private', label: 'Keep it between me and my therapist for now' },
          { key: 'talk-in-session', label: 'Talk about it in our next session' },
          { key: 'share-with-them', label: 'Share it with the other person' },
          { key: 'not-sure', label: 'I am not sure yet' },
        ],
      }),
    ],
  },
  {
    key: 'active-listening',
    version: 1,
    title: 'Taking turns to listen',
    phase: 3,
    audience: 'together',
    sheet: 'own',
    cadence: { kind: 'weekly', timesPerWeek: 1 },
    minutes: 30,
    purpose:
      'Builds listening without defending: the two take turns as speaker and listener, the listener reflects back and validates, and each rates privately how heard they felt.',
    instructions: steps(
      'Set aside 20 to 30 minutes somewhere private and calm.',
      '1. Choose a topic together. At first, pick something smaller than what happened between you.',
      '2. One of you talks for about five minutes. The listener does not interrupt, stays turned towards the speaker, then says back in their own words what they heard and what makes sense about it.',
      '3. The speaker says whether that was right; the listener tries again if not.',
      '4. Swap roles.',
      'If either of you feels overwhelmed, take a break and come back to it later. Afterwards, fill in your own sheet.',
    ),
    clinicianNotes:
      'Practise once in session before assigning. Start with low-stakes topics and move to the breach only when both can stay regulated. Each person fills in their own sheet, so ratings stay private. ' +
      'If talks regularly escalate, or one person is afraid of the other, stop joint homework and reassess safety. For a parent and child, adapt the length and language to the child\'s age.',
    prompts: [
      text({ key: 'topic', label: 'What did you talk about?', required: true, maxLength: 300, multiline: false }),
      yesNo({ key: 'took-turns', label: 'Did you both get a turn at speaking and at listening?', required: true }),
      scale({
        key: 'felt-heard',
        label: 'When you were speaking, how heard did you feel?',
        required: true,
        minLabel: 'Not heard at all',
        maxLabel: 'Completely heard',
      }),
      scale({
        key: 'listened-well',
        label: 'When you were listening, how well could you listen without defending yourself?',
        required: true,
        minLabel: 'Not well at all',
        maxLabel: 'Very well',
      }),
      text({
        key: 'what-helped',
        label: 'What did the other person do that helped you feel heard?',
        required: false,
        maxLength: 1000,
        multiline: true,
      }),
      text({ key: 'what-was-hard', label: 'What was hard?', required: false, maxLength: 1000, multiline: true }),
    ],
  },

  // Phase 4: openness and reliability
  {
    key: 'transparency-agreement',
    version: 1,
    title: 'Our openness agreement',
    phase: 4,
    audience: 'together',
    sheet: 'shared',
    cadence: { kind: 'once', dueInDays: 14 },
    minutes: 45,
    purpose:
      'The two agree in writing what will be open (devices, passwords, social media, whereabouts, past relationships) and what each keeps private, to be revisited as trust grows.',
    instructions:
      'At a calm time, talk through together what openness would help trust grow, and what privacy each of you still needs. Openness works best when it is offered rather than demanded, and some privacy is healthy for everyone. ' +
      'Write down only what you both agree to. You can change it later, together.',
    clinicianNotes:
      'Best drafted or reviewed in session. Check the agreement is proportionate and time-limited and is not becoming monitoring that feels punishing or controlling, in either direction. ' +
      'Suggest revisiting it every four to six weeks (assign it again). Often done alongside boundaries in phase 5. For a parent and child, agree what fits the child\'s age and need for privacy.',
    prompts: [
      choice({
        key: 'areas',
        label: 'Which areas does your agreement cover?',
        required: true,
        multiple: true,
        options: [
          { key: 'devices', label: 'Phones and other devices' },
          { key: 'passwords', label: 'Passwords and accounts' },
          { key: 'social-media', label: 'Social media and messaging' },
          { key: 'whereabouts', label: 'Where each of you is, and when you will be back' },
          { key: 'past-relationships', label: 'Past relationships or contacts' },
          { key: 'money', label: 'Money and spending' },
          { key: 'other', label: 'Something else' },
        ],
      }),
      text({
        key: 'agreed-openness',
        label: 'What have you agreed to be open about, and how?',
        required: true,
        maxLength: 3000,
        multiline: true,
      }),
      text({
        key: 'agreed-privacy',
        label: 'What does each of you keep private?',
        required: true,
        maxLength: 2000,
        multiline: true,
      }),
      yesNo({ key: 'both-agree', label: 'Do you both agree with what is written here?', required: true }),
      date({ key: 'review-date', label: 'When will you look at this agreement again?', required: false }),
    ],
  },
  {
    key: 'promise-log',
    version: 1,
    title: 'Promise log',
    phase: 4,
    audience: 'broke-trust',
    sheet: 'own',
    cadence: { kind: 'daily' },
    minutes: 5,
    purpose:
      'A daily record of commitments made and kept, so reliability shows in small, steady actions rather than words.',
    instructions:
      'At the end of each day, note the promises or commitments you made, big or small (for example, being home at a time you said, or calling when you said you would), and whether you kept them. ' +
      'If you could not keep one, write what happened and what you did about it. An honest entry is more useful than a perfect one.',
    clinicianNotes:
      'The log builds a steady pattern; it is not a score to be used in arguments. Watch for over-promising to fill it: fewer commitments, kept, are the aim. ' +
      'A broken promise should be owned and repaired, not hidden; explore it in session without shaming.',
    prompts: [
      text({
        key: 'promises-made',
        label: 'What did you promise or commit to today?',
        required: true,
        maxLength: 1500,
        multiline: true,
      }),
      choice({
        key: 'kept',
        label: 'Did you keep them?',
        required: true,
        options: [
          { key: 'all', label: 'Yes, all of them' },
          { key: 'most', label: 'Most of them' },
          { key: 'some', label: 'Some of them' },
          { key: 'none', label: 'None of them' },
          { key: 'none-made', label: 'I did not make any today' },
        ],
      }),
      text({
        key: 'not-kept',
        label: 'If one was not kept, what happened, and what did you do about it?',
        required: false,
        maxLength: 1500,
        multiline: true,
      }),
      yesNo({
        key: 'told-them',
        label: 'If you could not keep a promise, did you tell them yourself?',
        required: false,
      }),
    ],
  },

  // Phase 5: agreeing boundaries
  {
    key: 'boundaries-and-deal-breakers',
    version: 1,
    title: 'Boundaries and deal-breakers',
    phase: 5,
    audience: 'each',
    otherAudiences: ['together'],
    sheet: 'own',
    cadence: { kind: 'once', dueInDays: 7 },
    minutes: 30,
    purpose:
      'Each person privately lists what is acceptable, what is not, and any deal-breakers, as preparation for agreeing shared boundaries together.',
    instructions:
      'Do this on your own first. Think about what helps you feel safe and respected, and what does not. Boundaries describe what you need in order to feel safe; they are not a punishment for anyone. ' +
      'Be honest, even where an answer feels awkward. You will talk them through together later, with your therapist\'s help if you like.',
    clinicianNotes:
      'Follow with a joint conversation, in session or by assigning this sheet to both together, to agree shared boundaries. Read private deal-breakers before the joint session: they may point to a safety concern, and they are not disclosed without the author\'s consent. ' +
      'Explore any boundary that works as an ultimatum or a punishment.',
    prompts: [
      text({
        key: 'acceptable',
        label: 'What helps you feel safe and respected?',
        help: 'Behaviours from the other person, and between you, that you would like to see.',
        required: true,
        maxLength: 2000,
        multiline: true,
      }),
      text({ key: 'not-acceptable', label: 'What is not okay for you?', required: true, maxLength: 2000, multiline: true }),
      text({
        key: 'deal-breakers',
        label: 'Is there anything that would be a deal-breaker for you?',
        help: 'Something that, if it happened, would mean you could not go on in the relationship as it is. You do not have to have any.',
        required: false,
        maxLength: 1500,
        multiline: true,
      }),
      text({
        key: 'space-and-privacy',
        label: 'How much space and privacy do you need for yourself?',
        required: false,
        maxLength: 1500,
        multiline: true,
      }),
      yesNo({ key: 'ready-to-discuss', label: 'Do you feel ready to talk these through together?', required: true }),
    ],
  },

  // Phase 6: new ways of talking
  {
    key: 'weekly-trust-check-in',
    version: 1,
    title: 'Weekly trust check-in',
    phase: 6,
    audience: 'each',
    sheet: 'own',
    cadence: { kind: 'weekly', timesPerWeek: 1 },
    minutes: 10,
    purpose:
      'A short, private weekly rating of trust, feeling safe, feeling heard and closeness, with what helped and what made things harder, so change over time becomes visible.',
    instructions:
      'Once a week, take a few minutes on your own to answer these questions about the past week. Rate how things have actually been, not how you hope they will be. ' +
      'There are no right answers, and a lower number than last week is useful to know, not a failure.',
    clinicianNotes:
      'Belongs to the communication phase but works best started at intake, to give a baseline. Ratings rise and fall; read trends, not single weeks. ' +
      'A sudden drop in feeling safe deserves a check at the next contact. Answers stay private to you unless the author shares them.',
    prompts: [
      ...CHECK_IN_RATING_PROMPTS,
      text({ key: 'what-helped', label: 'What helped this week?', required: false, maxLength: 1000, multiline: true }),
      text({ key: 'what-hurt', label: 'What made things harder this week?', required: false, maxLength: 1000, multiline: true }),
    ],
  },
  {
    key: 'daily-honesty',
    version: 1,
    title: 'One true thing a day',
    phase: 6,
    audience: 'each',
    sheet: 'own',
    cadence: { kind: 'daily' },
    minutes: 5,
    purpose:
      'A small daily habit of honest self-disclosure, so openness becomes ordinary and goes both ways rather than being extracted.',
    instructions:
      'Each day, tell the other person one true thing about yourself: something you felt, thought, worried about or enjoyed today. It does not have to be big, or about what happened between you. ' +
      'In person, on the phone or in a message all count. Then note it here. Small and real is better than big and rehearsed.',
    clinicianNotes:
      'Both people do this, so honesty is not something only the person who broke trust owes. It is not a confession exercise: if disclosures about the breach come up, encourage bringing them to session. ' +
      'Pause it if one person is not ready for daily contact.',
    prompts: [
      yesNo({ key: 'shared-today', label: 'Did you share one true thing today?', required: true }),
      text({ key: 'what-i-shared', label: 'What did you share?', required: false, maxLength: 500, multiline: true }),
      scale({ key: 'ease', label: 'How easy was it to share?', required: false, minLabel: 'Very hard', maxLabel: 'Very easy' }),
      choice({
        key: 'response',
        label: 'How did they respond?',
        required: false,
        options: [
          { key: 'warm', label: 'With warmth or interest' },
          { key: 'neutral', label: 'Neutrally' },
          { key: 'difficult', label: 'It was difficult' },
          { key: 'not-sure', label: 'I am not sure' },
        ],
      }),
    ],
  },
  {
    key: 'journal',
    version: 1,
    title: 'Weekly journal: thoughts, worries and hopes',
    phase: 6,
    audience: 'each',
    otherAudiences: ['together'],
    sheet: 'own',
    cadence: { kind: 'weekly', timesPerWeek: 1 },
    minutes: 20,
    purpose:
      'Regular journaling helps each person notice their thoughts, worries and hopes about the repair, and brings material to sessions.',
    instructions:
      'Once a week, give yourself 15 to 20 minutes to write freely. Neat sentences are not needed. Write what has been on your mind, what worries you and what you are hoping for. ' +
      'You choose what, if anything, to share.',
    clinicianNotes:
      'Can also be assigned as a journal the two write together, once private journaling feels safe. Unstructured writing can feed rumination: if entries circle the same painful details week after week, steer towards the hopes prompt or take it up in session.',
    prompts: [
      text({ key: 'thoughts', label: 'What has been on your mind this week?', required: true, maxLength: 3000, multiline: true }),
      text({ key: 'worries', label: 'What are you worried about?', required: false, maxLength: 2000, multiline: true }),
      text({
        key: 'hopes',
        label: 'What are you hoping for, this week or further ahead?',
        required: false,
        maxLength: 2000,
        multiline: true,
      }),
      scale({ key: 'mood', label: 'Overall, how have you been this week?', required: false, minLabel: 'Very low', maxLabel: 'Very well' }),
    ],
  },
  {
    key: 'i-feel-when',
    version: 1,
    title: 'Saying it with "I feel … when …"',
    phase: 6,
    audience: 'each',
    sheet: 'own',
    cadence: { kind: 'weekly', timesPerWeek: 1 },
    minutes: 15,
    purpose:
      'Practises raising concerns as "I feel … when …" statements, and asking clarifying questions, in place of accusations or guesses.',
    instructions:
      'This week, when something bothers you, try saying it this way: "I feel [a feeling] when [what happened], and I would like [a request]." ' +
      'When you are not sure what the other person meant, ask before deciding ("Did you mean …?"). Write one example here, even if it did not go perfectly.',
    clinicianNotes:
      'Teach the format in session first. The statement names a specific action, not the other person\'s character. Both people practise it, so speaking carefully is not only the hurt person\'s job.',
    prompts: [
      text({
        key: 'statement',
        label: 'Write one "I feel … when …" sentence you used, or would like to use.',
        required: true,
        maxLength: 800,
        multiline: true,
      }),
      text({ key: 'request', label: 'What did you ask for, if anything?', required: false, maxLength: 500, multiline: true }),
      choice({
        key: 'said-it',
        label: 'Did you say it out loud?',
        required: true,
        options: [
          { key: 'yes', label: 'Yes' },
          { key: 'planning-to', label: 'Not yet, but I plan to' },
          { key: 'not-this-time', label: 'No, it did not feel right this time' },
        ],
      }),
      text({
        key: 'clarifying-question',
        label: 'Did you ask a question instead of guessing what they meant? What happened?',
        required: false,
        maxLength: 800,
        multiline: true,
      }),
      scale({ key: 'how-it-went', label: 'How did it go?', required: false, minLabel: 'Not well', maxLabel: 'Very well' }),
    ],
  },

  // Phase 7: coming close again
  {
    key: 'reconnection-plan',
    version: 1,
    title: 'Time together, step by step',
    phase: 7,
    audience: 'together',
    sheet: 'own',
    cadence: { kind: 'weekly', timesPerWeek: 1 },
    minutes: 45,
    purpose:
      'Plans one shared activity, outing or small step of closeness each week, at a pace the hurt person is comfortable with, and records privately how it felt for each.',
    instructions:
      'Each week, choose one thing to do together: a walk, a meal, a shared hobby, an evening out or, if it is part of your relationship and you both want it, a small step of physical closeness. ' +
      'Go at the pace that feels comfortable for the one who was hurt; going slower is always fine. Afterwards, note on your own sheet what you did and how it felt.',
    clinicianNotes:
      'Date nights and physical closeness are for couples; for a parent and child, siblings or friends, use shared activities and time together. Agree the pace in session and check the hurt person does not feel obliged. ' +
      'Each person fills in their own sheet, so discomfort can be reported privately.',
    prompts: [
      yesNo({ key: 'did-it', label: 'Did you spend this time together this week?', required: true }),
      text({ key: 'activity', label: 'What did you do?', required: false, maxLength: 500, multiline: true }),
      choice({
        key: 'kind',
        label: 'What kind of time was it?',
        required: false,
        options: [
          { key: 'everyday', label: 'Everyday time, like a meal, a walk or a chat' },
          { key: 'shared-activity', label: 'A shared hobby or activity' },
          { key: 'outing', label: 'An evening or a day out' },
          { key: 'physical-closeness', label: 'A small step of physical closeness' },
          { key: 'other', label: 'Something else' },
        ],
      }),
      scale({
        key: 'comfort',
        label: 'How comfortable did the pace feel for you?',
        required: false,
        minLabel: 'Not comfortable at all',
        maxLabel: 'Completely comfortable',
      }),
      scale({ key: 'connected', label: 'How connected did you feel?', required: false, minLabel: 'Not at all', maxLabel: 'Very connected' }),
      text({ key: 'next-time', label: 'What would you like to do next week?', required: false, maxLength: 500, multiline: true }),
    ],
  },
  {
    key: 'dreams-fears-goals',
    version: 1,
    title: 'Talking about hopes, fears and goals',
    phase: 7,
    audience: 'together',
    sheet: 'own',
    cadence: { kind: 'once', dueInDays: 14 },
    minutes: 45,
    purpose:
      'A guided conversation in which each person shares hopes, fears and goals, to rebuild emotional closeness through mutual openness.',
    instructions: steps(
      'Set aside about 45 minutes together somewhere you will not be interrupted. Take turns with three questions:',
      '1. What do you hope for, for yourself and for the two of you?',
      '2. What are you afraid of?',
      '3. What would you like to work towards?',
      'The listener just listens and asks curious questions; there is nothing to fix or agree on today. Afterwards, write down your own reflections.',
    ),
    clinicianNotes:
      'Can be repeated as closeness grows. Works for couples, family members and friends; scale the "goals" to the relationship. ' +
      'If fears about the breach take over, note them for session, and keep this conversation from turning into going over the breach again.',
    prompts: [
      text({ key: 'my-hopes', label: 'What did you share about your hopes?', required: true, maxLength: 1500, multiline: true }),
      text({ key: 'my-fears', label: 'What did you share about your fears?', required: false, maxLength: 1500, multiline: true }),
      text({
        key: 'learned',
        label: 'What did you learn about the other person that you did not know, or had forgotten?',
        required: false,
        maxLength: 1500,
        multiline: true,
      }),
      scale({
        key: 'closeness',
        label: 'How close did you feel during the conversation?',
        required: true,
        minLabel: 'Not close',
        maxLabel: 'Very close',
      }),
      text({
        key: 'shared-goal',
        label: 'Is there something you would like to work towards together?',
        required: false,
        maxLength: 1000,
        multiline: true,
      }),
    ],
  },

  // Phase 8: forgiveness
  {
    key: 'appreciation',
    version: 1,
    title: 'Noticing what helped',
    phase: 8,
    audience: 'hurt',
    otherAudiences: ['each'],
    sheet: 'own',
    cadence: { kind: 'weekly', timesPerWeek: 1 },
    minutes: 5,
    purpose:
      'Each week the person filling it in notes one thing the other did that helped, so efforts are noticed and not only lapses.',
    instructions:
      'Once a week, look back over the past days and notice one thing the other person did that helped, however small. ' +
      'You do not have to feel warm about everything to notice one helpful thing. Whether you tell them is up to you.',
    clinicianNotes:
      'Offer only when the hurt person is ready: assigned too early it can feel like pressure to be grateful or to move on. Noticing effort is not forgiving and says nothing about whether they will. ' +
      'Can be assigned to both people to keep appreciation mutual.',
    prompts: [
      text({
        key: 'what-helped',
        label: 'What is one thing they did this week that helped?',
        required: true,
        maxLength: 1000,
        multiline: true,
      }),
      text({ key: 'how-it-felt', label: 'How did it feel when they did it?', required: false, maxLength: 1000, multiline: true }),
      yesNo({ key: 'told-them', label: 'Did you tell them you noticed?', required: false }),
    ],
  },
  {
    key: 'forgiveness-reflection',
    version: 1,
    title: 'Thinking about forgiveness',
    phase: 8,
    audience: 'hurt',
    sheet: 'own',
    cadence: { kind: 'once', dueInDays: 14 },
    minutes: 25,
    purpose:
      'Helps the hurt person reflect, at their own pace, on what forgiveness would mean to them, what would help them move forward, and whether they feel ready, with no expectation either way.',
    instructions:
      'Forgiveness is your choice, made in your own time and for your own sake. It is never owed, and it does not mean forgetting or saying that what happened was okay. ' +
      'This sheet is only for thinking. It is fine to be unsure, and fine to be not ready. Answer whatever feels right.',
    clinicianNotes:
      'Never assign it to move someone towards forgiveness, and do not share the answers with the other person without the author\'s consent. Do not assign while the breach is ongoing or safety is in question. ' +
      'Readiness often moves back and forth: repeat the sheet when useful rather than treating one answer as final.',
    prompts: [
      text({
        key: 'what-it-means',
        label: 'What would forgiveness mean to you, and what would it not mean?',
        required: false,
        maxLength: 1500,
        multiline: true,
      }),
      text({
        key: 'what-would-help',
        label: 'What would help you move forward, whatever that means for you?',
        required: true,
        maxLength: 1500,
        multiline: true,
      }),
      choice({
        key: 'where-i-am',
        label: 'Where are you with forgiveness at the moment?',
        required: true,
        options: [
          { key: 'not-ready', label: 'I do not feel ready' },
          { key: 'unsure', label: 'I am unsure' },
          { key: 'partly', label: 'Part of me feels ready' },
          { key: 'ready', label: 'I feel ready' },
          { key: 'not-now', label: 'I would rather not think about it now' },
        ],
      }),
      scale({
        key: 'weight',
        label: 'How much is this still weighing on you from day to day?',
        required: false,
        minLabel: 'Hardly at all',
        maxLabel: 'Very heavily',
      }),
      yesNo({ key: 'talk-in-session', label: 'Would you like to talk about this in your next session?', required: true }),
    ],
  },

  // Phase 9: marking progress
  {
    key: 'celebrate-progress',
    version: 1,
    title: 'Marking a step forward',
    phase: 9,
    audience: 'together',
    sheet: 'shared',
    cadence: { kind: 'as-needed' },
    minutes: 20,
    purpose:
      'At a milestone, the two name what has improved, acknowledge the effort behind it and plan a new shared memory.',
    instructions:
      'When you notice that something has got better, stop and mark it together. Talk about what has changed, however small, and what each of you did that helped. ' +
      'Then plan something to do together to mark it: a meal, an outing, a trip or anything you both enjoy. Progress is rarely a straight line; a good week still counts if a hard one follows.',
    clinicianNotes:
      'Suggest it at milestones you notice (for example steadier check-in ratings) rather than on a schedule. Both should agree there is something to mark; ' +
      'do not let it become pressure on the hurt person to say things are fixed.',
    prompts: [
      text({ key: 'the-win', label: 'What has got better?', required: true, maxLength: 1000, multiline: true }),
      text({ key: 'what-helped', label: 'What did each of you do that helped?', required: false, maxLength: 1000, multiline: true }),
      text({ key: 'new-memory', label: 'What will you do together to mark it?', required: true, maxLength: 500, multiline: true }),
      date({ key: 'planned-date', label: 'When will you do it?', required: false }),
    ],
  },

  // Throughout: patience and self-compassion
  {
    key: 'self-compassion-note',
    version: 1,
    title: 'A kinder note to yourself',
    phase: 'throughout',
    audience: 'broke-trust',
    sheet: 'own',
    cadence: { kind: 'as-needed' },
    minutes: 10,
    purpose:
      'A place for the person who broke trust to acknowledge guilt or shame without turning it into self-punishment, so they can keep taking responsibility and doing the repair work.',
    instructions:
      'When guilt or shame feels heavy, take ten minutes with this sheet. Taking responsibility and being harsh with yourself are different things: harshness tends to make people hide or give up rather than repair. ' +
      'Write what you are feeling, then write to yourself the way you would to a friend who deeply regretted something and was working to put it right.',
    clinicianNotes:
      'Keep it between the client and you; it is not for centring their pain in joint sessions. Watch for signs of depression or self-harm and respond promptly. ' +
      'Unaddressed shame often shows up as defensiveness in joint work.',
    prompts: [
      text({ key: 'feeling', label: 'What are you feeling right now?', required: true, maxLength: 1500, multiline: true }),
      scale({
        key: 'intensity',
        label: 'How strong is the guilt or shame right now?',
        required: true,
        minLabel: 'Barely there',
        maxLabel: 'Overwhelming',
      }),
      text({
        key: 'kind-words',
        label: 'What would you say to a friend in your place who was truly trying to make things right?',
        required: true,
        maxLength: 1500,
        multiline: true,
      }),
      text({
        key: 'one-step',
        label: 'What is one small, helpful thing you can do today?',
        help: 'Something that helps the repair or helps you stay steady, not something to punish yourself with.',
        required: false,
        maxLength: 500,
        multiline: true,
      }),
      yesNo({ key: 'talk-in-session', label: 'Would you like to talk about this in your next session?', required: false }),
    ],
  },
  {
    key: 'caring-for-yourself',
    version: 1,
    title: 'Looking after yourself while you heal',
    phase: 'throughout',
    audience: 'hurt',
    sheet: 'own',
    cadence: { kind: 'weekly', timesPerWeek: 1 },
    minutes: 10,
    purpose:
      'Supports the hurt person\'s own wellbeing and support network through a process that takes time, so healing is not rushed and does not rest only on the other person.',
    instructions:
      'Healing takes the time it takes. Each week, check in with yourself: how you have been, what helped you cope and who you could lean on. ' +
      'Looking after yourself is not selfish, and it does not mean you have to be "over it".',
    clinicianNotes:
      'Useful early, when the hurt person often carries the most. Listen for isolation, poor sleep, low mood or anxiety that may need support of their own. ' +
      'Never use the ratings to suggest they should be further along.',
    prompts: [
      scale({ key: 'wellbeing', label: 'Overall, how have you been this week?', required: true, minLabel: 'Very low', maxLabel: 'Very well' }),
      scale({ key: 'sleep', label: 'How have you been sleeping?', required: false, minLabel: 'Very badly', maxLabel: 'Very well' }),
      text({ key: 'what-helped', label: 'What helped you cope this week?', required: false, maxLength: 1000, multiline: true }),
      choice({
        key: 'support',
        label: 'Who or what did you lean on this week?',
        help: 'Choose any that fit.',
        required: false,
        multiple: true,
        options: [
          { key: 'friends', label: 'Friends' },
          { key: 'family', label: 'Family' },
          { key: 'therapist', label: 'My therapist' },
          { key: 'activity', label: 'Exercise, hobbies or time outdoors' },
          { key: 'faith-or-community', label: 'Faith or community' },
          { key: 'something-else', label: 'Something else' },
        ],
      }),
      text({
        key: 'kind-thing',
        label: 'What is one kind thing you could do for yourself next week?',
        required: false,
        maxLength: 500,
        multiline: true,
      }),
    ],
  },
  {
    key: 'setback-plan',
    version: 1,
    title: 'Our plan for hard moments',
    phase: 'throughout',
    audience: 'together',
    sheet: 'shared',
    cadence: { kind: 'once', dueInDays: 14 },
    minutes: 30,
    purpose:
      'Setbacks and sudden reminders of the breach are expected. The two agree in advance what each will do when one happens, so a hard moment is less likely to become a crisis.',
    instructions:
      'Hard moments are part of healing, not a sign it has failed: a date, a place, a song or a message can bring the hurt back suddenly. ' +
      'At a calm time, agree together what you will each do when that happens: how the one who is struggling can say so, how the other can respond, and how you will pause if things get heated.',
    clinicianNotes:
      'Draft in session if the two cannot yet talk calmly at home. Agree a pause signal and a time to come back. Make sure nothing in the plan stops either person leaving an unsafe situation or contacting you privately. ' +
      'Revisit after any significant setback, and record the setback on the case timeline.',
    prompts: [
      text({
        key: 'reminders',
        label: 'What tends to bring the hurt back?',
        help: 'For example certain dates, places or kinds of message.',
        required: false,
        maxLength: 1000,
        multiline: true,
      }),
      text({
        key: 'signal',
        label: 'How will the one who is struggling let the other know?',
        required: true,
        maxLength: 300,
        multiline: false,
      }),
      text({
        key: 'response',
        label: 'What will the other one do when that happens?',
        required: true,
        maxLength: 1000,
        multiline: true,
      }),
      text({
        key: 'pause-plan',
        label: 'If things get heated, how will you pause, and when will you come back to it?',
        required: true,
        maxLength: 800,
        multiline: true,
      }),
      yesNo({ key: 'both-agree', label: 'Do you both agree with this plan?', required: true }),
    ],
  },
];

const BY_KEY = new Map(EXERCISES.map((exercise) => [exercise.key, exercise]));

export function exerciseByKey(key: string): Exercise | undefined {
  return BY_KEY.get(key);
}

/** The exercises of one phase (or of 'throughout'), in library order. */
export function exercisesForPhase(phase: ExercisePhase): Exercise[] {
  return EXERCISES.filter((exercise) => exercise.phase === phase);
}
