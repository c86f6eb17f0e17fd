// Core's sentences name inputs, placeholders and versions between backticks: shown here as code.
export function CodeText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd count of backticks leaves the last part open: shown as plain text.
  return <>{parts.map((part, i) => (i % 2 === 1 && i < parts.length - 1 ? <code key={i}>{part}</code> : part))}</>;
}
