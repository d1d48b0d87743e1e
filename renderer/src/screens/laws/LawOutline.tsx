/**
 * 目录: a law's 编 → 分编 → 章 → 节, each a link to its first article (the text pane then shows that
 * part). The divisions holding the part on screen are marked. A few hundred entries at most.
 */
import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { LawOutlineNode } from '#common/schemas/laws';
import { hrefOf } from '#renderer/app/route';

interface Props {
  law: string;
  outline: LawOutlineNode[];
  /** Keys of the divisions holding the part on screen. */
  active: ReadonlySet<string>;
}

function Node({
  law,
  node,
  depth,
  active,
}: {
  law: string;
  node: LawOutlineNode;
  depth: number;
  active: ReadonlySet<string>;
}) {
  const on = active.has(node.key);
  const range = node.first.label === node.last.label ? node.first.label : `${node.first.label}至${node.last.label}`;
  return (
    <>
      <Box
        sx={{ pl: depth * 1.5, py: 0.25 }}
        data-testid="law-outline-node"
        data-kind={node.kind}
        data-active={on ? 'true' : 'false'}
      >
        <Link
          href={hrefOf({ name: 'laws', law, article: node.first.number })}
          underline="hover"
          variant="body2"
          color={on ? 'primary' : 'inherit'}
          sx={{ fontWeight: on || depth === 0 ? 600 : 400, display: 'block', lineHeight: 1.5 }}
          title={`${range}，共${node.articleCount}条`}
        >
          {node.label}
          {node.title ? ` ${node.title}` : ''}
        </Link>
      </Box>
      {node.children.map((c) => (
        <Node key={c.key} law={law} node={c} depth={depth + 1} active={active} />
      ))}
    </>
  );
}

export function LawOutline({ law, outline, active }: Props) {
  const box = useRef<HTMLElement>(null);
  const shown = [...active].sort().join('|');
  // Keep the innermost marked entry in view inside the 目录 (not the page).
  useEffect(() => {
    const nav = box.current;
    const nodes = nav?.querySelectorAll<HTMLElement>('[data-active="true"]');
    const el = nodes?.[nodes.length - 1];
    if (!nav || !el) return;
    const top = el.getBoundingClientRect().top - nav.getBoundingClientRect().top;
    if (top < 0 || top > nav.clientHeight - el.offsetHeight)
      nav.scrollTo({ top: nav.scrollTop + top - nav.clientHeight / 3 });
  }, [shown]);
  return (
    <Box
      component="nav"
      ref={box}
      aria-label="目录"
      data-testid="law-outline"
      sx={{ maxHeight: '65vh', overflow: 'auto', pr: 1 }}
    >
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        目录
      </Typography>
      {outline.map((n) => (
        <Node key={n.key} law={law} node={n} depth={0} active={active} />
      ))}
    </Box>
  );
}
