import type { Messages } from './shape';

/** The words of the app itself as an installed, offline program: install, updates, offline files. */
export const en = {
  install: {
    button: 'Install',
    title: 'Install Sous as an app on this computer (it opens in its own window, offline too)'
  },
  update: {
    label: 'New version',
    ready: 'A new version is ready — reload',
    reload: 'Reload',
    later: 'Later',
    saveFirst: 'Save your changes first: the update waits, and nothing you typed is lost.',
    reloading: 'Reloading…'
  },
  offline: {
    heading: 'Offline files',
    help: 'The studio itself works offline once visited. Reading scanned images (OCR), PDFs and the local model runtime download when first used; make them available offline now for a trip without Wi-Fi. Model weights are kept by the model list above.',
    status: '{{cached}} of {{total}} files offline ({{cachedSize}} of {{totalSize}}).',
    allOffline: 'Everything is available offline ({{size}}).',
    button: 'Make available offline',
    working: 'Downloading {{done}} of {{total}} ({{doneSize}} of {{totalSize}})…',
    progress: 'Offline files downloaded',
    failed: 'Could not finish: {{message}}',
    unavailable: 'Offline files are not listed in this build (the development server).'
  },
  database: {
    failed: 'The studio could not open its data in this browser: {{message}}. Nothing was changed; reload the page to try again.'
  }
};

export const ko: Messages<typeof en> = {
  install: {
    button: '설치',
    title: 'Sous를 이 컴퓨터에 앱으로 설치합니다 (별도 창에서 열리고 오프라인에서도 작동합니다)'
  },
  update: {
    label: '새 버전',
    ready: '새 버전이 준비되었습니다 — 새로고침하세요',
    reload: '새로고침',
    later: '나중에',
    saveFirst: '먼저 변경 사항을 저장하세요. 업데이트는 기다리며, 입력한 내용은 사라지지 않습니다.',
    reloading: '새로고침하는 중…'
  },
  offline: {
    heading: '오프라인 파일',
    help: '스튜디오 자체는 한 번 방문하면 오프라인에서도 작동합니다. 스캔한 이미지 읽기(OCR), PDF, 로컬 모델 런타임은 처음 사용할 때 내려받습니다. Wi-Fi 없는 곳에 가기 전에 지금 오프라인으로 준비해 두세요. 모델 가중치는 위의 모델 목록에서 보관합니다.',
    status: '파일 {{total}}개 중 {{cached}}개 오프라인 사용 가능 ({{totalSize}} 중 {{cachedSize}}).',
    allOffline: '모두 오프라인에서 사용할 수 있습니다 ({{size}}).',
    button: '오프라인으로 사용 가능하게 하기',
    working: '{{total}}개 중 {{done}}개 내려받는 중 ({{totalSize}} 중 {{doneSize}})…',
    progress: '내려받은 오프라인 파일',
    failed: '끝내지 못했습니다: {{message}}',
    unavailable: '이 빌드에는 오프라인 파일 목록이 없습니다 (개발 서버).'
  },
  database: {
    failed: '스튜디오가 이 브라우저의 데이터를 열지 못했습니다: {{message}}. 아무것도 바뀌지 않았습니다. 페이지를 새로 고쳐 다시 시도하세요.'
  }
};
