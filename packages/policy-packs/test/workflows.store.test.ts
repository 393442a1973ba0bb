// A year of cases under each workflow pack through the in-memory store (the SQL engines run the same suite in
// @zhili/store-sql).
import * as CalendarCn from "@zhili/calendar-cn"
import { CaseDeadline, CorePlugin, type Plugin, Runtime, Store } from "@zhili/core"
import * as BeijingHotline from "@zhili/policy-packs/beijing-hotline"
import * as DigitalUrbanManagement from "@zhili/policy-packs/digital-urban-management"
import { WorkflowSuite } from "@zhili/testing/suites"
import { Either } from "effect"

const policyOf = (pack: Plugin.Plugin) => {
  const policies = Either.getOrThrow(Runtime.make([CorePlugin.plugin, CalendarCn.plugin, pack]))
  const calendar = policies.calendars.get(CalendarCn.id)
  if (calendar === undefined) throw new Error("calendar-cn not composed")
  return Runtime.casePolicy(policies, CaseDeadline.fromWorkingCalendar(calendar))
}

WorkflowSuite.suite("memory", Store.layerMemory, [
  { name: "digital-urban-management", policy: policyOf(DigitalUrbanManagement.plugin) },
  { name: "beijing-hotline", policy: policyOf(BeijingHotline.plugin) }
])
