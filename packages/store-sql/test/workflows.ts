// The two workflow packs' policies for the year-through-the-store suite (WorkflowSuite), with the calendar-cn
// working days.
import * as CalendarCn from "@zhili/calendar-cn"
import { type Case, CaseDeadline, CorePlugin, type Plugin, Runtime } from "@zhili/core"
import * as BeijingHotline from "@zhili/policy-packs/beijing-hotline"
import * as DigitalUrbanManagement from "@zhili/policy-packs/digital-urban-management"
import { Either } from "effect"

const policyOf = (pack: Plugin.Plugin): Case.Policy => {
  const policies = Either.getOrThrow(Runtime.make([CorePlugin.plugin, CalendarCn.plugin, pack]))
  const calendar = policies.calendars.get(CalendarCn.id)
  if (calendar === undefined) throw new Error("calendar-cn not composed")
  return Runtime.casePolicy(policies, CaseDeadline.fromWorkingCalendar(calendar))
}

export const packs: ReadonlyArray<{ readonly name: string; readonly policy: Case.Policy }> = [
  { name: "digital-urban-management", policy: policyOf(DigitalUrbanManagement.plugin) },
  { name: "beijing-hotline", policy: policyOf(BeijingHotline.plugin) }
]
