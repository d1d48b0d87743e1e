/**
 * 启动检查: data files the workstation found damaged when it started (a calendar, a
 * procedure, a template left empty by a full disk) were set aside and it started with the rest.
 * Shown once per login above every screen, until closed; the file stays set aside until an
 * administrator deletes it after importing the data again.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useOp } from '../hooks/useOp';

export function StartupWarnings() {
  // Not essential when it fails: the core logged the same warnings.
  const { data } = useOp('app.startupReport', {});
  const [closed, setClosed] = useState(false);
  const warnings = data?.warnings ?? [];
  // The database's bulky tables are checked after the start (main/core/store/integrity.ts).
  const databaseProblem = data?.databaseCheck?.state === 'damaged' ? data.databaseCheck.message : null;
  const database = databaseProblem && (
    <Alert severity="error" data-testid="startup-database-damaged" sx={{ mb: 2 }}>
      <AlertTitle>数据库已损坏</AlertTitle>
      {databaseProblem}
    </Alert>
  );
  if (closed || warnings.length === 0) return database || null;
  return (
    <>
      {database}
      <Alert severity="warning" data-testid="startup-warnings" onClose={() => setClosed(true)} sx={{ mb: 2 }}>
        <AlertTitle>启动检查发现{warnings.length}个损坏的数据文件，已移开</AlertTitle>
        {warnings.map((w) => (
          <div key={w.setAsideAs}>{w.message}</div>
        ))}
      </Alert>
    </>
  );
}
