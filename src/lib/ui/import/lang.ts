/** The words of recipe import, in both languages (see ../agents/lang.ts for how the language is chosen). */
export const IMPORT_WORDS = {
  en: {
    existsTitle: 'A recipe with this id exists',
    exists: (name: string, id: string, existing: string) => `“${name}” has the id ${id}, which “${existing}” already uses.`,
    replace: 'Replace',
    replaceHelp: 'Saves the file as the next version of the recipe that is there; earlier versions stay in Versions.',
    keepBoth: 'Keep both',
    keepBothHelp: (id: string) => `Imports the file as a new recipe with the id ${id}.`,
    cancel: 'Cancel',
    refused: 'is not a recipe Sous can use:',
    withProblems: 'was imported, but it cannot run until these are fixed (open it to fix them in the editor):',
    problemsNote: (n: number) => ` It has ${n} problem${n === 1 ? '' : 's'} to fix before it can run.`
  },
  ko: {
    existsTitle: '같은 ID의 레시피가 있습니다',
    exists: (name: string, id: string, existing: string) => `“${name}”의 ID ${id}는 이미 “${existing}”이(가) 쓰고 있습니다.`,
    replace: '바꾸기',
    replaceHelp: '파일을 기존 레시피의 다음 버전으로 저장합니다. 이전 버전은 버전 목록에 남습니다.',
    keepBoth: '둘 다 유지',
    keepBothHelp: (id: string) => `파일을 ID ${id}인 새 레시피로 가져옵니다.`,
    cancel: '취소',
    refused: '은(는) Sous가 쓸 수 있는 레시피가 아닙니다:',
    withProblems: '을(를) 가져왔지만, 아래 문제를 고치기 전에는 실행할 수 없습니다 (편집기에서 열어 고치세요):',
    problemsNote: (n: number) => ` 실행하려면 고칠 문제가 ${n}개 있습니다.`
  }
} as const;
