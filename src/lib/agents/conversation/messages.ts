/**
 * Every word an agent says, in English and Korean. The conversation picks the person's language per
 * message; nothing else in it holds wording.
 */
import type { Lang } from './ports';

export interface Messages {
  ask(label: string): string;
  askAgain(reason: string, label: string): string;
  confirm(skill: string, values: string): string;
  confirmAgain(): string;
  noValues: string;
  cancelled(skill: string): string;
  nothingToCancel: string;
  questionCancelled: string;
  dropped(skill: string): string;
  handOff(agent: string): string;
  whichOne(labels: string[]): string;
  cannot(can: string[]): string;
  cannotAtAll: string;
  askAgentFor(agent: string, what: string): string;
  refused(reason: string): string;
  done(summary: string): string;
  doneEmpty: string;
  failed(message: string, advice: string): string;
  cancelledJob: string;
  stillRunning(status: string): string;
  waitingApproval(message: string, choices: string[]): string;
  answered(choice: string): string;
  notAChoice(choices: string[]): string;
  jobLink(link: string): string;
  modelFallback: string;
  corrected(label: string): string;
  advice: Record<'not_allowed' | 'duplicate' | 'not_found' | 'invalid' | 'approval_timeout' | 'other', string>;
  items(n: number): string;
  list(parts: string[]): string;
}

/** A word that ends in Hangul takes a particle; an English description is put after a colon instead. */
const HANGUL_END = /[\uac00-\ud7a3]\s*$/;

const en: Messages = {
  ask: (label) => (/[?]$/.test(label) ? label : /^(the|your|a|an|which|who|what|when|how)\b/i.test(label) ? `What is ${lowerFirst(label)}?` : `What is the ${lowerFirst(label)}?`),
  askAgain: (reason, label) => `${capital(reason)}. ${en.ask(label)}`,
  // A skill's name may be a verb ("Register a vendor") or a noun ("Invoice intake"): it is quoted, not conjugated.
  confirm: (skill, values) => `${skill}: ${values}. Shall I go ahead (yes or no)?`,
  confirmAgain: () => 'Shall I go ahead? Please answer yes or no (or cancel).',
  noValues: 'no values',
  cancelled: (skill) => `Cancelled: "${skill}" was not run.`,
  nothingToCancel: 'There is nothing to cancel.',
  questionCancelled: 'OK, cancelled.',
  dropped: (skill) => `OK, I won't run "${skill}".`,
  handOff: (agent) => `Asking ${agent}…`,
  whichOne: (labels) => `Do you mean ${orList(labels)}?`,
  cannot: (can) => `I can't do that. I can: ${can.join('; ')}.`,
  cannotAtAll: "I can't do that, and I have no skills set up yet.",
  askAgentFor: (agent, what) => `ask ${agent} (${what})`,
  refused: (reason) => `I could not start it: ${reason}.`,
  done: (summary) => `Done: ${summary}.`,
  doneEmpty: 'Done.',
  failed: (message, advice) => `It failed: ${message}. ${advice}`,
  cancelledJob: 'The job was cancelled.',
  stillRunning: (status) => `The job is ${status}.`,
  waitingApproval: (message, choices) => `Waiting for approval: ${message} (${choices.join(' / ')})`,
  answered: (choice) => `Answered "${choice}".`,
  notAChoice: (choices) => `Please answer one of: ${choices.join(', ')}.`,
  jobLink: (link) => ` (${link})`,
  modelFallback: 'The model could not answer, so I matched your request by its words instead.',
  corrected: (label) => `Changed ${lowerFirst(label)}.`,
  advice: {
    not_allowed: 'You are not allowed to do this; ask someone who is.',
    duplicate: 'It exists already; look it up, or use another value.',
    not_found: 'Check the value and ask again.',
    invalid: 'Correct the values and ask again.',
    approval_timeout: 'Nobody answered in time; ask again to start over.',
    other: 'You can correct the values and ask again, or open the job to see what happened.'
  },
  items: (n) => `${n} ${n === 1 ? 'item' : 'items'}`,
  list: (parts) => parts.join(', ')
};

const ko: Messages = {
  ask: (label) => (/[?]$/.test(label) ? label : HANGUL_END.test(label) ? `${label}${objectParticle(label)} 알려 주세요.` : `다음을 알려 주세요: ${label}`),
  askAgain: (reason, label) => `${reason}. ${ko.ask(label)}`,
  confirm: (skill, values) => `${HANGUL_END.test(skill) ? `${skill}${objectParticle(skill)} 실행할게요` : `다음을 실행할게요: ${skill}`} (${values}). 진행할까요? (네/아니요)`,
  confirmAgain: () => '진행할까요? 네 또는 아니요로 답해 주세요 (그만두려면 취소).',
  noValues: '값 없음',
  cancelled: (skill) => `취소했어요: ${skill}${HANGUL_END.test(skill) ? objectParticle(skill) : ''} 실행하지 않아요.`,
  nothingToCancel: '취소할 것이 없어요.',
  questionCancelled: '알겠어요, 취소했어요.',
  dropped: (skill) => `알겠어요, ${skill}${HANGUL_END.test(skill) ? objectParticle(skill) : ''} 실행하지 않을게요.`,
  handOff: (agent) => `${agent}에게 물어볼게요…`,
  whichOne: (labels) => `${labels.join(', ')} 중 어느 것을 말씀하시는 건가요?`,
  cannot: (can) => `그건 할 수 없어요. 제가 할 수 있는 일: ${can.join('; ')}.`,
  cannotAtAll: '그건 할 수 없어요. 아직 설정된 기능이 없어요.',
  askAgentFor: (agent, what) => `${agent}에게 요청 (${what})`,
  refused: (reason) => `시작할 수 없었어요: ${reason}.`,
  done: (summary) => `완료했어요: ${summary}.`,
  doneEmpty: '완료했어요.',
  failed: (message, advice) => `실패했어요: ${message}. ${advice}`,
  cancelledJob: '작업이 취소되었어요.',
  stillRunning: (status) => `작업 상태: ${status}.`,
  waitingApproval: (message, choices) => `승인을 기다리고 있어요: ${message} (${choices.join(' / ')})`,
  answered: (choice) => `"${choice}"(으)로 답했어요.`,
  notAChoice: (choices) => `다음 중 하나로 답해 주세요: ${choices.join(', ')}.`,
  jobLink: (link) => ` (${link})`,
  modelFallback: '모델이 답하지 못해서 요청의 단어로 맞춰 찾았어요.',
  corrected: (label) => (HANGUL_END.test(label) ? `${label}${objectParticle(label)} 바꿨어요.` : `바꿨어요: ${label}.`),
  advice: {
    not_allowed: '이 작업을 할 권한이 없어요. 권한이 있는 분께 요청해 주세요.',
    duplicate: '이미 있어요. 조회하거나 다른 값을 써 주세요.',
    not_found: '값을 확인하고 다시 요청해 주세요.',
    invalid: '값을 고쳐서 다시 요청해 주세요.',
    approval_timeout: '제시간에 아무도 답하지 않았어요. 다시 요청해 주세요.',
    other: '값을 고쳐서 다시 요청하거나, 작업을 열어 무슨 일이 있었는지 확인해 주세요.'
  },
  items: (n) => `${n}개`,
  list: (parts) => parts.join(', ')
};

export function messages(lang: Lang): Messages {
  return lang === 'ko' ? ko : en;
}

function lowerFirst(s: string): string {
  // "VAT number" keeps its capitals; "Register vendor" reads "register vendor" mid-sentence.
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function orList(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** 을 after a final consonant, 를 after a vowel; 을(를) when the word does not end in Hangul. */
export function objectParticle(word: string): string {
  const last = word.trim().slice(-1);
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 0 ? '를' : '을';
  return '을(를)';
}
