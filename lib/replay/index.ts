/** Public API of the in-page executor: run one recorded step in the document that holds its target. */
export {
  type ActCode,
  click,
  doubleClick,
  fill,
  findOption,
  hover,
  normalizeForInput,
  press,
  readChecked,
  type ScrollOptions,
  scrollTo,
  scrollToOffsets,
  selectOption,
  setChecked,
  submitForm,
} from './act';
export {
  type ActionabilityCode,
  type ActionabilityOptions,
  type BoxSighting,
  deepElementFromPoint,
  type Point,
  sightBox,
  waitForActionable,
} from './actionability';
export { describeForHumans } from './describe-for-humans';
export { describeRecorded, type ExecuteOptions, executeStep, type StepFailureCode, type StepOutcome } from './execute';
export { defaultButtonOf, type ImplicitSubmission, implicitSubmit, type PressOutcome, pressKey } from './keyboard';
export { fillTemplate, templateVariables, valuesUsedBy } from './variables';
export { type QuietOptions, type WaitForElementOptions, waitForDomQuiet, waitForElement } from './wait';
