import type { Messages } from './shape';

/** The room area's words (issue 15). */
export const en = {
  title: 'Room',
  subtitle: 'A workshop served from the trainer’s laptop',
  trainer_lead: 'Participants open this address on the same network, or scan the code.',
  copy: 'Copy the address',
  copied: 'Copied',
  pack_served: 'Pack for the room: {{name}}',
  no_pack: 'No pack is served to this room.',
  participant_lead: 'You are in the trainer’s room.',
  import_pack: 'Import the room’s pack',
  to_workshop: 'Its exercises are then on the Workshop page.',
  not_served: 'This studio is not served to a room.',
  how_to_start: 'To serve a room from this laptop, start it with:',
  qr_label: 'QR code for {{url}}'
};

export const ko: Messages<typeof en> = {
  title: '강의실',
  subtitle: '강사의 노트북에서 제공하는 워크숍',
  trainer_lead: '같은 네트워크의 참가자가 이 주소를 열거나 코드를 스캔합니다.',
  copy: '주소 복사',
  copied: '복사됨',
  pack_served: '강의실 팩: {{name}}',
  no_pack: '이 강의실에는 제공되는 팩이 없습니다.',
  participant_lead: '강사의 강의실에 들어와 있습니다.',
  import_pack: '강의실 팩 가져오기',
  to_workshop: '가져온 뒤 연습 문제는 워크숍 페이지에 있습니다.',
  not_served: '이 스튜디오는 강의실에 제공되고 있지 않습니다.',
  how_to_start: '이 노트북에서 강의실을 열려면 다음으로 시작하세요:',
  qr_label: '{{url}}의 QR 코드'
};
