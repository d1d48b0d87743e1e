/** 立案 from a list: the dialog, then the new case's number in a notice and its page opened at 文书. */
import { useNotifier } from '#renderer/app/notifier';
import { navigate } from '#renderer/app/route';
import { OpenCaseDialog } from './OpenCaseDialog';

export function OpenCaseAndGo({ onClose }: { onClose: () => void }) {
  const notifier = useNotifier();
  return (
    <OpenCaseDialog
      onClose={onClose}
      onOpened={(view) => {
        onClose();
        notifier.success(`已立案，案件编号：${view.state.number}`);
        navigate({ name: 'case', caseId: view.state.id, tab: 'documents' });
      }}
    />
  );
}
