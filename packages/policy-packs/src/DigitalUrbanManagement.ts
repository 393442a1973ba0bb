/**
 * The digital urban-management policy pack (数字城管, plugin id `digital-urban-management`): the command centre's
 * workflow as GB/T 30428 practice and CJ/T 315 describe it — information collected by a supervisor (监督员) is
 * received (受理), filed (立案) and dispatched (派遣) by the dispatcher, handled (处置) by the handler unit, checked
 * (核查) on site by a supervisor who is not the handler, with a photo before and one after the work, and closed (结案)
 * by the dispatcher; with supervision (督办), joint handling (协办), and the dispatcher's approval of a return or an
 * extension.
 *
 * Sources (STANDARDS.md, "Case handling"): the chain information collection → filing → dispatch → handling →
 * feedback → verification and closing [checked]; who approves returns and extensions, and the levels above the
 * street, are **open** (defaults to be replaced). Time limits stay per category in the catalogue (local rules).
 *
 * @since 0.1.0
 */
import { CaseWorkflow, Plugin } from "@zhili/core"
import { version } from "./version.js"

/**
 * The plugin id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const id = "digital-urban-management"

const open = "STANDARDS.md marks it open: a default to be replaced"
const W = CaseWorkflow.roles
const handling = ["dispatched", "handling"] as const

const { inPlace, state, step } = CaseWorkflow

/**
 * The command centre's workflow (`digital-urban-management/command-centre`):
 *
 * - 受理 `received` (reported): anyone may report; the dispatcher files (立案, `Accepted`: the resolve deadline
 *   starts) or rejects (不予立案);
 * - 立案 `registered` (accepted) → 派遣 `dispatched` (dispatched) by the dispatcher → 处置 `handling` (in progress) by
 *   the handler unit → 处置完毕 `handled` (resolved) by the handler, once every co-handler (协办) has reported;
 * - 核查 `checked` (verified) by a supervisor who did not resolve it, with a photo before and one after the work
 *   (otherwise back to the handler, 核查不通过 → 返工);
 * - 结案 `closed` by the dispatcher.
 *
 * 督办 (`Supervised`, by the dispatcher or a supervisor) raises the priority and notifies the assignee and the
 * supervisor; 协办 (`CoHandlersAssigned`) by the dispatcher; the handler's 退回 (`Returned`) and 延期
 * (`ExtensionGranted`) need the dispatcher's approval; escalation (by the dispatcher or the system) climbs micro grid →
 * compound → community → street → district department (区级部门) → command centre (指挥中心). Whoever resolved a case
 * never verifies it. A case is left out of the assessment (不纳入考核) in any state with the dispatcher's approval.
 *
 * @since 0.1.0
 * @category policies
 */
export const workflow: CaseWorkflow.Workflow = CaseWorkflow.Workflow.make({
  id: `${id}/command-centre`,
  name: { zh: "数字城管监督指挥流程", en: "Digital urban-management command-centre workflow" },
  source: `GB/T 30428 / CJ/T 315 practice: 受理 → 立案 → 派遣 → 处置 → 核查 → 结案 (STANDARDS.md, checked); approvals and levels above the street ${open}`,
  initial: "received",
  states: [
    state("received", "reported", "已受理", "Received"),
    state("registered", "accepted", "已立案", "Filed"),
    state("dispatched", "dispatched", "已派遣", "Dispatched"),
    state("handling", "in-progress", "处置中", "Being handled"),
    state("handled", "resolved", "处置完毕", "Handled"),
    state("checked", "verified", "已核查", "Checked"),
    state("closed", "closed", "已结案", "Closed"),
    state("rejected", "rejected", "不予立案", "Not filed"),
    state("withdrawn", "withdrawn", "已撤销", "Withdrawn")
  ],
  levels: ["micro-grid", "compound", "community", "street", "district-department", "command-centre"],
  transitions: [
    step("Accepted", ["received"], "registered", { roles: [W.dispatcher], clock: "start-resolve" }),
    step("Rejected", ["received"], "rejected", { roles: [W.dispatcher] }),
    step("Escalated", ["received"], "received", { roles: [W.dispatcher, W.system], clock: "restart-response" }),
    step("Dispatched", ["registered"], "dispatched", { roles: [W.dispatcher], notify: ["assignee"] }),
    step("Started", ["dispatched"], "handling", { roles: [W.handler] }),
    step("Returned", [...handling], "registered", {
      roles: [W.handler],
      approval: [W.dispatcher],
      notify: ["dispatcher"]
    }),
    ...inPlace("ExtensionGranted", ["registered", ...handling], {
      roles: [W.handler, W.dispatcher],
      approval: [W.dispatcher],
      clock: "extend-resolve"
    }),
    step("Escalated", ["registered", ...handling], "registered", {
      roles: [W.dispatcher, W.system],
      clock: "restart-resolve"
    }),
    ...inPlace("Supervised", ["registered", ...handling], {
      roles: [W.dispatcher, W.supervisor],
      notify: ["assignee", "supervisor"]
    }),
    ...inPlace("CoHandlersAssigned", [...handling], { roles: [W.dispatcher], notify: ["co-handlers"] }),
    ...inPlace("CoHandlerReported", [...handling], { roles: [W.handler] }),
    step("Resolved", ["handling"], "handled", { roles: [W.handler], notify: ["dispatcher", "supervisor"] }),
    step("Verified", ["handled"], "checked", {
      roles: [W.supervisor],
      independent: true,
      evidence: ["before", "after"]
    }),
    step("Reopened", ["handled"], "dispatched", {
      roles: [W.supervisor, W.dispatcher],
      clock: "restart-resolve",
      notify: ["assignee"]
    }),
    step("Closed", ["checked"], "closed", { roles: [W.dispatcher] }),
    step("Withdrawn", ["received", "registered"], "withdrawn", { roles: [W.dispatcher] }),
    ...inPlace("Excluded", ["received", "registered", "dispatched", "handling", "handled", "checked", "closed"], {
      roles: [W.handler, W.dispatcher, W.supervisor],
      approval: [W.dispatcher]
    })
  ],
  selfVerification: false
})

/**
 * The plugin: the command centre's {@link workflow}; composed after the core pack, it is the workflow in force unless
 * the host selects another. Requires the core pack.
 *
 * @since 0.1.0
 * @category plugins
 */
export const plugin: Plugin.Plugin = Plugin.define({
  id,
  version,
  description: "Digital urban management (数字城管): the command centre's case workflow, roles, approvals and levels",
  requires: { core: "0.x", plugins: { core: "0.x" } },
  contributes: [Plugin.contribute(CaseWorkflow.workflowsPoint, [workflow])]
})
