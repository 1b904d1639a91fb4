/** The two choosers behind the conversation's `Chooser`: basic mode (rules) and the on-device model. */
export { createBasicChooser, chooseBasic } from './basic';
export { createModelChooser, toolSchema, type ModelChooserOptions } from './model';
