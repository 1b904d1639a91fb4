/** Backup of everything to one file, and restore: shared by the studio and the CLI. */
export { BACKUP_FORMAT, BACKUP_VERSION, backupFileName, type BackupSummary, type Progress } from './format';
export { writeBackup, type WrittenBackup, type WriteOptions } from './write';
export { readBackupFile, readBackupText, MAX_BACKUP_BYTES, type CheckedBackup, type ReadProgress } from './read';
export { restoreBackup, type RestoreMode, type RestoreReport } from './restore';
export { LEFT_OUT, LATEST_SCHEMA, backedUpTables } from './tables';
export type { BackupIssue } from './check';
export { announceRestore, onRestoreElsewhere } from './restore-signal';
