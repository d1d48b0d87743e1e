/**
 * The search box in the app bar: Ctrl+K (⌘K) or “/” puts the cursor in it from anywhere (the
 * tooltip says so); Enter opens 检索 with the words (screens/search/SearchScreen.tsx) and empties the box.
 */
import { useEffect, useRef, useState } from 'react';
import InputBase from '@mui/material/InputBase';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import SearchIcon from '@mui/icons-material/Search';
import { isSearchShortcut, shortcutHint } from '#renderer/screens/search/searchKeys';
import { navigate } from '#renderer/app/route';

export function SearchBar() {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Tooltip title={shortcutHint}>
      <Paper
        component="form"
        role="search"
        elevation={0}
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ name: 'search', q: text.trim() });
          // 检索 shows the words in its own box; kept here they would go stale when that box changes.
          setText('');
          input.current?.blur();
        }}
        sx={{ display: 'flex', alignItems: 'center', px: 1, bgcolor: 'rgba(255,255,255,.15)', color: 'inherit' }}
      >
        <SearchIcon fontSize="small" sx={{ mr: 0.5, opacity: 0.8 }} />
        <InputBase
          inputRef={input}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="检索案件 Ctrl+K"
          inputProps={{ 'data-testid': 'app-search', 'aria-label': shortcutHint, maxLength: 100 }}
          sx={{ color: 'inherit', width: { xs: 120, lg: 180 }, fontSize: 14 }}
        />
      </Paper>
    </Tooltip>
  );
}
