/**
 * The pane's tab bar and preview banner, loaded just after the first paint (panels.ts): the tab list's
 * keyboard navigation (tabster) is a large script, rendering both costs the first frame tens of
 * milliseconds, and neither is of use before the dataset has arrived.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList } from "@fluentui/react-components";
import { useI18n } from "./i18n";
import { TABS, type Callback, type TabId } from "./types";

export interface TabBarProps {
  className: string;
  selected: TabId;
  onSelect: Callback<TabId>;
}

export function TabBar({ className, selected, onSelect }: TabBarProps) {
  const { t } = useI18n();
  return (
    <TabList
      className={className}
      size="small"
      selectedValue={selected}
      onTabSelect={(_, d) => onSelect(d.value as TabId)}
    >
      {TABS.map(({ id, label }) => (
        <Tab key={id} value={id}>
          {t[label]}
        </Tab>
      ))}
    </TabList>
  );
}

/** Says the pane runs outside Excel (the browser preview) and what works there. */
export function PreviewBanner({ className }: { className: string }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" className={className} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.preview}</MessageBarTitle>
        {t.previewDetail}
      </MessageBarBody>
    </MessageBar>
  );
}
