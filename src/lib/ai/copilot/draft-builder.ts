/**
 * The recipe a basic draft is building: step lists nested as the words open loops, branches and
 * approvals; unique step ids; where each thing the words talk about can be read from (a "concept" such
 * as the vendor's name bound to `trigger.name` or `steps.extract.fields.vendor.value`); the connections
 * the steps need; and the assumptions made on the way.
 */
import type { Field, Step } from '../../recipe/schema';
import { stepIdFromName } from '../../recipe/step-templates';
import type { CatalogView } from './catalog-view';
import { conceptWords, pick, type Lang, type Said } from './lang';

type FrameKind = 'root' | 'loop' | 'if' | 'approved' | 'rejected' | 'catch' | 'else';

interface Frame {
  kind: FrameKind;
  list: Step[];
  /** concept → expression (without braces) readable in this frame and the ones inside it. */
  bindings: Map<string, string>;
  /** The if step whose `then` this frame is, so "otherwise" can switch to its `else`. */
  owner?: Step;
  /** An approval's branch the words named ("승인되면", "if they reject it"), not only implied. */
  said?: boolean;
}

/** The sandbox apps and Slack need a connection the person picks; the built-in ones do not. */
const CONNECTION_REFS: Record<string, string> = {
  'sandbox.erp': 'erp',
  'sandbox.hr': 'hr',
  'sandbox.orders': 'orders',
  'sandbox.mail': 'mail',
  slack: 'slack'
};

export class DraftBuilder {
  readonly root: Step[] = [];
  readonly assumptions: string[] = [];
  readonly connections: Record<string, { connector: string; label?: string }> = {};
  /** The manual trigger's input fields the steps read (only for a manual or callable trigger). */
  readonly inputs: Field[] = [];
  private readonly frames: Frame[];
  private readonly ids = new Set<string>();
  /** The parts the draft is unsure of, each with how sure (0 to 1) and the question it would ask. */
  readonly doubts: Array<{ step?: string; confidence: number; question: string }> = [];
  /** What the recipe is about, as a message's lead when the words name none ("New vendor", "새 주문"). */
  topic?: string;
  /** The last action added anywhere, for words like "it" and "the result". */
  lastAction?: { id: string; connector: string; action: string };
  /** The step list the last action went into: a step in another branch or inside a closed loop is not readable. */
  private lastList?: Step[];

  constructor(
    readonly view: CatalogView,
    triggerBindings: Record<string, string>,
    /** Whether unknown concepts become the manual trigger's input fields. */
    private readonly askInput: boolean,
    /** The language of the request: step names and assumptions are written in it. */
    readonly lang: Lang = 'en'
  ) {
    this.frames = [{ kind: 'root', list: this.root, bindings: new Map(Object.entries(triggerBindings)) }];
  }

  /** An assumption, said in the request's language. */
  assume(en: string, ko: string): void {
    const sentence = pick(this.lang, [en, ko]);
    if (!this.assumptions.includes(sentence)) this.assumptions.push(sentence);
  }

  /**
   * A part the draft is unsure of: the step it concerns (none for a clause left out), how sure it is, and
   * the question to ask the person (English, Korean), so the draft is kept and the doubt is said.
   */
  doubt(step: string | undefined, confidence: number, en: string, ko: string): void {
    this.doubts.push({ step, confidence, question: pick(this.lang, [en, ko]) });
  }

  /** The English or the Korean words, by the request's language. */
  say(en: string, ko: string): string {
    return pick(this.lang, [en, ko]);
  }

  /**
   * A unique step id from an English name or base, its words joined by "_" ("Look up the vendor" →
   * `look_up_vendor`, then `look_up_vendor_2`), so expressions read `steps.look_up_vendor` with no backticks.
   */
  id(base: string): string {
    const id = stepIdFromName(base, this.ids, 'step');
    this.ids.add(id);
    return id;
  }

  add(step: Step): void {
    this.top().list.push(step);
  }

  /** Add an action step named in the request's language; its id comes from the English name. */
  action(connector: string, action: string, input: Record<string, unknown>, name: Said): string {
    const id = this.id(name[0]);
    const ref = CONNECTION_REFS[connector];
    if (ref && !this.connections[ref]) this.connections[ref] = { connector, label: this.view.label(connector) };
    this.add({ id, kind: 'action', connector, action, ...(ref ? { connection: ref } : {}), input, name: pick(this.lang, name) });
    this.lastAction = { id, connector, action };
    this.lastList = this.top().list;
    return id;
  }

  /** The last action, when the step being added now can read its output (its list is still open). */
  readableLast(): { id: string; connector: string; action: string } | undefined {
    return this.lastAction && this.frames.some((f) => f.list === this.lastList) ? this.lastAction : undefined;
  }

  bind(concept: string, expr: string): void {
    this.top().bindings.set(concept, expr);
  }

  /** Where a concept can be read here; for a manual trigger an unknown one becomes an input field. */
  ref(concept: string, type: Field['type'] = 'text'): string | undefined {
    const known = this.known(concept);
    if (known !== undefined || !this.askInput) return known;
    if (!this.inputs.some((f) => f.name === concept)) {
      this.inputs.push({ name: concept, type, required: true });
      this.assume(`I assumed you give the ${conceptWords('en', concept)} when you run it.`, `실행할 때 ${conceptWords('ko', concept)}을(를) 입력한다고 가정했습니다.`);
    }
    return `trigger.${concept}`;
  }

  /** Where a concept can be read here, without asking for it as input. */
  known(concept: string): string | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const expr = this.frames[i].bindings.get(concept);
      if (expr !== undefined) return expr;
    }
    return undefined;
  }

  /** `{{ expr }}` for a concept, or the fallback text when it cannot be read here. */
  value(concept: string, fallback: string, type: Field['type'] = 'text'): string {
    const expr = this.ref(concept, type);
    if (expr !== undefined) return `{{ ${expr} }}`;
    if (fallback === '') this.assume(`I could not tell the ${conceptWords('en', concept)} from the words: fill it in on the step.`, `요청에서 ${conceptWords('ko', concept)}을(를) 알 수 없었습니다. 단계에서 직접 채워 주세요.`);
    return fallback;
  }

  /** Steps added from now on go into `list` (a loop's steps, a branch). */
  open(kind: FrameKind, list: Step[], owner?: Step): void {
    this.frames.push({ kind, list, bindings: new Map(), owner });
  }

  /** Inside the closest open if: steps go to its `else` from now on. False when no if is open. */
  otherwise(): boolean {
    // "if they reject it, mail them; otherwise create it": after a rejection, "otherwise" is the approval.
    if (this.top().kind === 'rejected') return this.approvalBranch(true);
    // A condition said before wins over an approval's "approved?" gate: "if over 500 ask X, otherwise …".
    for (const kind of ['if', 'approved'] as const) {
      for (let i = this.frames.length - 1; i > 0; i--) {
        const frame = this.frames[i];
        if (frame.kind !== kind || frame.owner?.kind !== 'if') continue;
        this.frames.length = i;
        const owner = frame.owner;
        owner.else = owner.else ?? [];
        this.frames.push({ kind: 'else', list: owner.else, bindings: new Map() });
        return true;
      }
    }
    return false;
  }

  /**
   * An approval's answer said as a branch: "if they reject it …" goes to its gate's `else`, "승인되면 …"
   * back to its `then`. False when no approval was asked before.
   */
  approvalBranch(approved: boolean): boolean {
    for (let i = this.frames.length - 1; i > 0; i--) {
      const frame = this.frames[i];
      if ((frame.kind !== 'approved' && frame.kind !== 'rejected') || frame.owner?.kind !== 'if') continue;
      const gate = frame.owner;
      this.frames.length = i;
      if (approved) this.frames.push({ kind: 'approved', list: gate.then, bindings: new Map(), owner: gate, said: true });
      else this.frames.push({ kind: 'rejected', list: (gate.else = gate.else ?? []), bindings: new Map(), owner: gate, said: true });
      return true;
    }
    return false;
  }

  /** After an approval's branches ("either way", "어느 쪽이든"): steps go where the approval is. False when none is open. */
  afterApproval(): boolean {
    const at = this.frames.findIndex((f) => f.kind === 'approved' || f.kind === 'rejected');
    if (at < 1) return false;
    this.frames.length = at;
    return true;
  }

  /** Whether steps now go on an approval's approved side only because it was asked, no branch named. */
  inImpliedApproval(): boolean {
    const top = this.top();
    return top.kind === 'approved' && !top.said;
  }

  /** Whether a value nothing gives becomes an input the person types when running it (a manual trigger). */
  get asksInput(): boolean {
    return this.askInput;
  }

  /** Whether steps now go on an approval's rejected side. */
  inRejected(): boolean {
    return this.frames.some((f) => f.kind === 'rejected');
  }

  /** Whether an approval was asked and its answer's branches are still open. */
  inApproval(): boolean {
    return this.frames.some((f) => f.kind === 'approved' || f.kind === 'rejected');
  }

  /** Back to the top level ("finally", "at the end"). */
  closeAll(): void {
    this.frames.length = 1;
  }

  /** Whether steps now go inside a loop. */
  inLoop(): boolean {
    return this.frames.some((f) => f.kind === 'loop');
  }

  /** The steps added so far at the top level, taken out (for wrapping them in a try). */
  takeRootSteps(): Step[] {
    this.closeAll();
    return this.root.splice(0, this.root.length);
  }

  /** Set a retry on the last action added (found wherever it sits); false when there is none. */
  retryLast(attempts: number): boolean {
    const id = this.lastAction?.id;
    const walk = (steps: Step[]): Step | undefined => {
      for (const s of steps) {
        if (s.id === id) return s;
        for (const list of childSteps(s)) {
          const found = walk(list);
          if (found) return found;
        }
      }
      return undefined;
    };
    const step = id ? walk(this.root) : undefined;
    if (step?.kind !== 'action') return false;
    step.retry = { attempts: Math.min(10, attempts), backoff: 'exponential', initial_ms: 1000, max_ms: 30000 };
    return true;
  }

  /** Whether an action of this connector and action was added already. */
  has(connector: string, action: string): boolean {
    const walk = (steps: Step[]): boolean =>
      steps.some((s) => (s.kind === 'action' && s.connector === connector && s.action === action) || childSteps(s).some((l) => walk(l)));
    return walk(this.root);
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }
}

function childSteps(step: Step): Step[][] {
  switch (step.kind) {
    case 'if':
      return [step.then, step.else ?? []];
    case 'foreach':
      return [step.steps];
    case 'try':
      return [step.steps, step.catch];
    default:
      return [];
  }
}
