import type { Messages } from './shape';

/** The words of the studio's apps screens (see common.ts for the shared ones). */
export const en = {
  fileDrop: {
    hint: 'Drop a {{suffix}} file here, or',
    choose: 'choose a file',
    problemsIn: 'Problems in {{file}}'
  },
  import: {
    dropLabel: 'Drop a recipe file here',
    inputLabel: 'Recipe file (.json)',
    previewTitle: 'Import “{{name}}”?',
    existsTitle: 'A recipe with this id exists',
    exists: '“{{name}}” has the id {{id}}, which “{{existing}}” already uses.',
    fromFile: 'From {{file}}',
    when: 'When it runs',
    steps: 'Steps',
    stepCount_one: '{{count}} step',
    stepCount_other: '{{count}} steps',
    effect: 'What it does',
    needs: 'Connections it needs',
    needsNone: 'None: it runs on what Sous has built in.',
    needsHelp: 'Choose them on the Connections page after importing.',
    warningsHeading_one: '{{count}} problem to fix before it can run (it still imports):',
    warningsHeading_other: '{{count}} problems to fix before it can run (it still imports):',
    nothingStored: 'Nothing is saved until you choose.',
    replace: 'Replace',
    replaceHelp: 'Saves the file as the next version of the recipe that is there; earlier versions stay in Versions.',
    keepBoth: 'Keep both',
    keepBothHelp: 'Imports the file as a new recipe with the id {{id}}.',
    refused: 'is not a recipe Sous can use; nothing was imported:',
    notJson: 'This file is not valid JSON, so it cannot be a recipe file: {{detail}}.',
    pdf: 'This is a PDF, not a recipe file: to read an invoice or another document, open Extract.',
    image: 'This is an image, not a recipe file: to read a scanned document, open Extract.',
    binary: 'This is not a text file, so it cannot be a recipe file (a recipe file is JSON text ending in .recipe.json).',
    agent: 'This is an agent file, not a recipe file: import it on the Agents page.',
    notRecipe: 'This JSON file is not a recipe file: a recipe file says "format": "sous.recipe/v1".',
    empty: 'The file is empty.',
    imported: 'Imported “{{name}}” ({{id}}) as version {{version}}.',
    importedAgain: 'Imported “{{name}}” ({{id}}) as version {{version}}, which already held it.',
    problemsNote_one: ' It has {{count}} problem to fix before it can run.',
    problemsNote_other: ' It has {{count}} problems to fix before it can run.',
    trigger: {
      manual: 'When you press Run',
      callable: 'When another recipe calls it',
      document: 'When a document arrives',
      documentOf: 'When a document arrives ({{types}})',
      event: 'When {{app}}: {{event}}',
      webhook: 'When a web request arrives at /{{path}}'
    }
  }
} as const;

export const ko: Messages<typeof en> = {
  fileDrop: {
    hint: '{{suffix}} 파일을 여기에 놓거나',
    choose: '파일 선택',
    problemsIn: '{{file}}의 문제'
  },
  import: {
    dropLabel: '레시피 파일을 여기에 놓기',
    inputLabel: '레시피 파일 (.json)',
    previewTitle: '“{{name}}”을(를) 가져올까요?',
    existsTitle: '같은 ID의 레시피가 있습니다',
    exists: '“{{name}}”의 ID {{id}}는 이미 “{{existing}}”이(가) 쓰고 있습니다.',
    fromFile: '파일: {{file}}',
    when: '실행 시점',
    steps: '단계',
    stepCount_one: '{{count}}단계',
    stepCount_other: '{{count}}단계',
    effect: '하는 일',
    needs: '필요한 연결',
    needsNone: '없음: Sous에 들어 있는 기능만 씁니다.',
    needsHelp: '가져온 뒤 연결 페이지에서 고르세요.',
    warningsHeading_one: '실행하려면 고칠 문제가 {{count}}개 있습니다 (그래도 가져올 수 있습니다):',
    warningsHeading_other: '실행하려면 고칠 문제가 {{count}}개 있습니다 (그래도 가져올 수 있습니다):',
    nothingStored: '고르기 전에는 아무것도 저장되지 않습니다.',
    replace: '바꾸기',
    replaceHelp: '파일을 기존 레시피의 다음 버전으로 저장합니다. 이전 버전은 버전 목록에 남습니다.',
    keepBoth: '둘 다 유지',
    keepBothHelp: '파일을 ID {{id}}인 새 레시피로 가져옵니다.',
    refused: '은(는) Sous가 쓸 수 있는 레시피가 아니어서 가져오지 않았습니다:',
    notJson: '이 파일은 올바른 JSON이 아니어서 레시피 파일일 수 없습니다: {{detail}}.',
    pdf: '레시피 파일이 아니라 PDF입니다. 청구서 같은 문서를 읽으려면 추출을 여세요.',
    image: '레시피 파일이 아니라 이미지입니다. 스캔한 문서를 읽으려면 추출을 여세요.',
    binary: '텍스트 파일이 아니어서 레시피 파일일 수 없습니다 (레시피 파일은 .recipe.json으로 끝나는 JSON 텍스트입니다).',
    agent: '레시피 파일이 아니라 에이전트 파일입니다. 에이전트 페이지에서 가져오세요.',
    notRecipe: '이 JSON 파일은 레시피 파일이 아닙니다. 레시피 파일에는 "format": "sous.recipe/v1"이 있습니다.',
    empty: '파일이 비어 있습니다.',
    imported: '“{{name}}” ({{id}})을(를) 버전 {{version}}(으)로 가져왔습니다.',
    importedAgain: '“{{name}}” ({{id}})을(를) 버전 {{version}}(으)로 가져왔습니다. 이미 같은 내용이 있었습니다.',
    problemsNote_one: ' 실행하려면 고칠 문제가 {{count}}개 있습니다.',
    problemsNote_other: ' 실행하려면 고칠 문제가 {{count}}개 있습니다.',
    trigger: {
      manual: '실행을 누를 때',
      callable: '다른 레시피가 부를 때',
      document: '문서가 들어올 때',
      documentOf: '문서가 들어올 때 ({{types}})',
      event: '{{app}}: {{event}}일 때',
      webhook: '/{{path}}(으)로 웹 요청이 들어올 때'
    }
  }
};
