/**
 * What the MCP endpoint tells an assistant (and through it, the person) in its own words: English, then
 * Korean, in one text, since an MCP tool error carries no language and the person may read either.
 */
const TEXTS = {
  noStudio: [
    'The Sous studio is not open: open it in a browser tab (the address `npm start` printed) and try again.',
    'Sous 스튜디오가 열려 있지 않습니다. 브라우저 탭에서 스튜디오를 연 뒤 다시 시도하세요.'
  ],
  tabClosed: [
    'The Sous studio tab closed while this call ran; its job may go on when the studio opens again (see Jobs).',
    '호출 중에 Sous 스튜디오 탭이 닫혔습니다. 스튜디오를 다시 열면 작업이 이어질 수 있습니다(작업 목록 참고).'
  ],
  timeout: [
    'The job is still running or waiting in the Sous studio; see Jobs there for its result.',
    '작업이 Sous 스튜디오에서 아직 실행 중이거나 대기 중입니다. 결과는 스튜디오의 작업 목록에서 확인하세요.'
  ],
  cancelled: ['The call was cancelled.', '호출이 취소되었습니다.'],
  declined: [
    'Not run: the person did not confirm this change.',
    '실행하지 않았습니다: 사용자가 이 변경을 확인하지 않았습니다.'
  ],
  unknownTool: ['There is no such tool offered by the Sous studio.', 'Sous 스튜디오가 제공하는 도구 중에 그런 도구는 없습니다.'],
  badResult: ['The studio answered with something that is not a tool result.', '스튜디오의 응답이 도구 결과 형식이 아닙니다.']
} as const;

export type RelayTextKey = keyof typeof TEXTS;

export function relayText(key: RelayTextKey, detail?: string): string {
  const [en, ko] = TEXTS[key];
  return detail ? `${en} (${detail})\n${ko}` : `${en}\n${ko}`;
}
