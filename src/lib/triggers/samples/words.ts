/** The sentence the Test run dialog shows under its title: where the sample input came from (en/ko, as lang.ts). */
import type { UiLang } from '../../ui/agents/lang';
import type { Trigger } from '../../recipe';
import type { Sample } from './sample-for';
import { SANDBOX_LATEST } from './sandbox-latest';

const WORDS = {
  en: {
    recipe: 'the sample saved with this recipe',
    fields: 'made up from the trigger’s input fields',
    tick: 'a tick for now',
    request: 'a made-up request (POST with a JSON body)',
    document: 'a small made-up invoice document',
    latest: 'the latest record for this event',
    schema: 'made up from the event’s fields',
    unknownEvent: 'no sample: the app does not describe this event',
    lead: 'Sample input',
    edit: 'Change it if you like, then press Run.',
    loading: 'Finding a sample…'
  },
  ko: {
    recipe: '이 레시피에 저장된 샘플',
    fields: '트리거 입력 필드로 만든 값',
    tick: '지금 시각의 실행 신호',
    request: '만들어 낸 요청 (JSON 본문의 POST)',
    document: '만들어 낸 작은 송장 문서',
    latest: '이 이벤트의 최근 기록',
    schema: '이벤트의 필드로 만든 값',
    unknownEvent: '샘플 없음: 앱이 이 이벤트를 설명하지 않습니다',
    lead: '샘플 입력',
    edit: '필요하면 고친 다음 실행을 누르세요.',
    loading: '샘플을 찾는 중…'
  }
} as const;

export function sampleWords(lang: UiLang) {
  return WORDS[lang];
}

/** "the latest mail in the sandbox mailbox", "a tick for now", … */
export function describeSample(sample: Sample, trigger: Trigger, lang: UiLang): string {
  const words = WORDS[lang];
  switch (sample.source) {
    case 'latest': {
      const rule = trigger.kind === 'event' ? SANDBOX_LATEST[`${trigger.connector} ${trigger.event}`] : undefined;
      return rule ? rule.what[lang] : words.latest;
    }
    case 'unknown-event':
      return words.unknownEvent;
    default:
      return words[sample.source];
  }
}
