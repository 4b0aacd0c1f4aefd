/** Links that switch between views of one list, the current one marked for screen readers. */
export interface Tab {
  href: string;
  text: string;
  current: boolean;
}

export function Tabs({ label, tabs }: { label: string; tabs: readonly Tab[] }) {
  return (
    <nav aria-label={label}>
      <ul class="inline">
        {tabs.map((tab) => (
          <li>
            <a href={tab.href} aria-current={tab.current ? 'page' : undefined}>
              {tab.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
