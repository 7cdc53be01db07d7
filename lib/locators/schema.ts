/**
 * What a recorded step stores about its target. Descriptors are written by a content script on an untrusted page,
 * kept in storage and read back at replay, so every string is bounded and every shape is closed.
 */
import { z } from 'zod';

export const MAX_SHORT = 200;
export const MAX_TEXT = 400;
export const MAX_SELECTOR = 1000;
export const MAX_LOCATORS = 16;
export const MAX_SHADOW_DEPTH = 8;

const short = z.string().max(MAX_SHORT);
const text = z.string().max(MAX_TEXT);

/** Attributes that test suites and design systems use as explicit, stable test hooks. */
export const TEST_ID_ATTRIBUTES = [
  'data-testid',
  'data-test-id',
  'data-test',
  'data-qa',
  'data-cy',
  'data-automation-id',
  'data-e2e',
  'data-pw',
] as const;

export const LocatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('testId'), attr: z.enum(TEST_ID_ATTRIBUTES), value: short }),
  z.strictObject({ kind: z.literal('id'), value: short }),
  z.strictObject({ kind: z.literal('role'), role: z.string().max(40), name: text }),
  z.strictObject({ kind: z.literal('label'), text }),
  z.strictObject({ kind: z.literal('placeholder'), text }),
  z.strictObject({ kind: z.literal('name'), tag: z.string().max(40), value: short }),
  z.strictObject({ kind: z.literal('text'), tag: z.string().max(40), text }),
  z.strictObject({ kind: z.literal('css'), selector: z.string().max(MAX_SELECTOR) }),
  z.strictObject({ kind: z.literal('xpath'), path: z.string().max(MAX_SELECTOR) }),
]);
export type Locator = z.infer<typeof LocatorSchema>;
export type LocatorKind = Locator['kind'];

/** Bounds of fingerprint.distinct. */
export const MAX_DISTINCT_WORDS = 8;
export const MAX_DISTINCT_WORD = 40;
/** Words of the wider section recorded to break ties between its copies (see `widerWords`). */
export const MAX_WIDER_WORDS = 24;
/** Words by which a record and its near twin differ, at most (see Fingerprint.twin). */
export const MAX_TWIN_WORDS = 3;
/** Values of a record's other fields recorded beside a field of it, at most (see `rowValues`). */
export const MAX_ROW_VALUES = 6;
/** Neighbours recorded beside an element, at most, and their length (see `neighbours`). */
export const MAX_NEIGHBOURS = 12;
export const MAX_NEIGHBOUR = 80;

export const FingerprintSchema = z.strictObject({
  tag: z.string().max(40),
  /** `type` of inputs and buttons, lower-cased. */
  type: z.string().max(40).optional(),
  role: z.string().max(40),
  /** Accessible name (pragmatic accname subset). */
  name: text,
  /** The element's own visible text, when it has any. */
  text: text.optional(),
  attrs: z
    .strictObject({
      name: short.optional(),
      href: short.optional(),
      placeholder: short.optional(),
      title: short.optional(),
      ariaLabel: short.optional(),
      value: short.optional(),
      alt: short.optional(),
    })
    .default({}),
  /** Non-generated id and test id, compared as identity evidence at replay. */
  id: short.optional(),
  testId: z.strictObject({ attr: z.enum(TEST_ID_ATTRIBUTES), value: short }).optional(),
  /** Stable class names (generated ones dropped, CSS-module hashes stripped). */
  classes: z.array(z.string().max(80)).max(12).default([]),
  /**
   * At recording, no other element of its kind in the scope had this name: then the one element that
   * carries it on a changed page is this control, moved (only set when checked, see describe.ts).
   */
  nameUnique: z.boolean().optional(),
  /**
   * At recording, it sat in one record of a list (row, list item, article): its surroundings name
   * that record, and must still match closely, however few look-alikes are left.
   */
  inRecord: z.boolean().optional(),
  /**
   * At recording, no other command in the scope started with a verb of the same meaning (no "Update"
   * beside its "Save"): only then may a synonym stand for its verb on a changed page ("Save" →
   * "Update profile"). Unset (older recordings, pages too big to check): synonyms never do.
   */
  verbUnique: z.boolean().optional(),
  /** The numbered page the list record it sits in links to ("/deals/8812"): that record's identity. */
  recordLink: z.string().max(200).optional(),
  /**
   * Words of its surroundings that no same-named element's surroundings had when recorded (the
   * row's own name or number): a candidate must keep them to be this element.
   */
  distinct: z.array(z.string().min(1).max(MAX_DISTINCT_WORD)).max(MAX_DISTINCT_WORDS).optional(),
  /**
   * When only a number told it from its look-alikes ("Question 4"), words of a wider section that
   * none of theirs had (the question's own wording): numbering shifts when a section is inserted.
   */
  sectionWords: z.array(z.string().min(1).max(MAX_DISTINCT_WORD)).max(MAX_DISTINCT_WORDS).optional(),
  /**
   * Words of the wider section around its surroundings (the label card around a row of buttons), up
   * to MAX_WIDER_WORDS, recorded only when the section holds no more: when a copy of that section
   * appears later ("Return" label card above the "Outbound" one), the copy that kept all of them is it.
   */
  widerWords: z.array(z.string().min(1).max(MAX_DISTINCT_WORD)).max(MAX_WIDER_WORDS).optional(),
  /**
   * For a field of a record (a table row, a list item): what the record's other fields held when it was
   * recorded (their values, a select's chosen option), in order; never a password's. Rows told apart
   * only by their place ("Segment 3") still are by these once a row inserted above renumbers them.
   */
  rowValues: z.array(z.string().min(1).max(MAX_DISTINCT_WORD)).max(MAX_ROW_VALUES).optional(),
  /**
   * What a text field held before the step typed in it (an edit form's stored phone number); never a
   * password's. When that value is now in another field and not in the one found, the field was
   * relabelled and another added beside it ("Phone" → "Mobile number" and a new "Home phone").
   */
  fieldValue: z.string().min(1).max(MAX_SHORT).optional(),
  /**
   * What the elements beside it that a step could be mistaken for were, when it was recorded, lower-cased:
   * for a field, the names of the other fields of its kind in its form ("driver licence no." beside
   * "Navigator licence no."); for a command named like others, the surroundings of those under the same
   * heading ("19:00–22:00 small hall" beside "19:00–22:00 Main hall"). A candidate that is one of them
   * now is that neighbour, not the target renamed.
   */
  neighbours: z.array(z.string().min(1).max(MAX_NEIGHBOUR)).max(MAX_NEIGHBOURS).optional(),
  /**
   * When no word of its surroundings was its alone but one look-alike's were the same but for a word or
   * two (the same post queued for Instagram and for Facebook): the words only its own had (`own`) and
   * only the twin's had (`theirs`). A candidate without its own is the twin, or another record like both.
   */
  twin: z
    .strictObject({
      own: z.array(z.string().min(1).max(MAX_DISTINCT_WORD)).min(1).max(MAX_TWIN_WORDS),
      theirs: z.array(z.string().min(1).max(MAX_DISTINCT_WORD)).min(1).max(MAX_TWIN_WORDS),
    })
    .optional(),
  /**
   * For a select: what its options say in any language (their explicit values, their numbers, times
   * and amounts), so a translated page's selects are still told apart.
   */
  choices: z.array(z.string().min(1).max(MAX_DISTINCT_WORD)).max(MAX_DISTINCT_WORDS).optional(),
  /**
   * For a select of at least three options: their texts in order, as read ("any status | submitted | …").
   * A relabelled filter ("Status" → "Permit status") still offers the same list.
   */
  options: text.optional(),
  /** Set when no other select around it offered the same options at recording: then the list names it. */
  optionsUnique: z.boolean().optional(),
  /** Set when no other select around it offered as many options at recording: then their number names it too. */
  optionCountUnique: z.boolean().optional(),
  /** Set on a shadow host that was the only element of its tag in its scope: its tag names it wherever it moves. */
  onlyCopy: z.boolean().optional(),
  /** For a radio button or checkbox: the question it answers (fieldset legend, group label). */
  group: text.optional(),
  /** The caption of the table column it sits in ("Email" in a notification matrix). */
  column: text.optional(),
  /** Text of the associated <label>, if any. */
  label: text.optional(),
  /** Position among siblings of the same tag: index (0-based) of count. */
  index: z.number().int().min(0).max(1_000_000).default(0),
  count: z.number().int().min(1).max(1_000_000).default(1),
  /** Text around the element (its row, card or list item) without the element's own text. */
  context: text.optional(),
  /** Closest heading before the element in its section. */
  heading: text.optional(),
  /** Nearest landmark: `role` or `role:name`. */
  landmark: short.optional(),
  /** Owning form: its stable id, name, action path or accessible name. */
  form: short.optional(),
  /** Language of the element's text (nearest `lang` attribute), so a translated page is not read as a changed one. */
  lang: z.string().max(35).optional(),
  rect: z
    .strictObject({
      x: z.number().finite(),
      y: z.number().finite(),
      width: z.number().finite(),
      height: z.number().finite(),
    })
    .optional(),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

/** One element in one scope (the document or one open shadow root). */
export const ElementDescriptorSchema = z.strictObject({
  locators: z.array(LocatorSchema).max(MAX_LOCATORS),
  fingerprint: FingerprintSchema,
});
export type ElementDescriptor = z.infer<typeof ElementDescriptorSchema>;

export const TargetDescriptorSchema = z.strictObject({
  version: z.literal(1),
  locators: z.array(LocatorSchema).max(MAX_LOCATORS),
  fingerprint: FingerprintSchema,
  /** Open shadow hosts enclosing the target, outermost first; each is resolved inside the previous one's root. */
  shadowHosts: z.array(ElementDescriptorSchema).max(MAX_SHADOW_DEPTH),
});
export type TargetDescriptor = z.infer<typeof TargetDescriptorSchema>;
