#!/bin/bash
# Regenerates tests/bad: run it from this folder. The expected outputs are written by hand here.
# Builds each bad case from a small valid plan plus one defect. Expected output written by hand.
set -e
INI='[plan]
title = Test plan
area = Testshire
start = 2022-06-30'
ACT_H='Area,Ref,Action,Milestone,Owner,Due,Status'
ACT_R='Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,Dec 2022,Green'
KPI='Ref,KPI,Unit,Direction,Baseline,12 months
K01,EHCPs issued within 20 weeks,%,up,40%,60%'
mk() { # name
  rm -rf "$1"; mkdir -p "$1"
  printf '%s\n' "$INI" > "$1/plan.ini"
  printf '%s\n%s\n' "$ACT_H" "$ACT_R" > "$1/actions.csv"
  printf '%s\n' "$KPI" > "$1/kpis.csv"
}
exp() { printf '%s\n' "$2" > "$1/expected"; }
S1='1 area, 1 action, 1 milestone, 1 KPI, 0 observations, 0 risks'

mk missing-plan-ini; rm missing-plan-ini/plan.ini
exp missing-plan-ini "missing-plan-ini/plan.ini: error: missing file: every plan folder needs plan.ini with a [plan] section
missing-plan-ini: $S1; 1 error, 0 warnings"

mk missing-actions; rm missing-actions/actions.csv
exp missing-actions "missing-actions/actions.csv: error: missing file: a plan folder needs plan.ini, actions.csv and kpis.csv
missing-actions: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings"

mk missing-kpis; rm missing-kpis/kpis.csv
exp missing-kpis "missing-kpis/kpis.csv: error: missing file: a plan folder needs plan.ini, actions.csv and kpis.csv
missing-kpis: 1 area, 1 action, 1 milestone, 0 KPIs, 0 observations, 0 risks; 1 error, 0 warnings"

mk empty-actions; : > empty-actions/actions.csv
exp empty-actions "empty-actions/actions.csv:1:1: error: the file is empty: expected a header row, then one row per record
empty-actions: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings"

mk blank-kpis; printf '\r\n\r\n   \r\n' > blank-kpis/kpis.csv
exp blank-kpis "blank-kpis/kpis.csv:1:1: error: the file is empty: expected a header row, then one row per record
blank-kpis: 1 area, 1 action, 1 milestone, 0 KPIs, 0 observations, 0 risks; 1 error, 0 warnings"

mk empty-kpi-values; : > empty-kpi-values/kpi_values.csv
exp empty-kpi-values "empty-kpi-values/kpi_values.csv:1:1: error: the file is empty: expected a header row, then one row per record
empty-kpi-values: $S1; 1 error, 0 warnings"

mk missing-due-column
printf 'Area,Ref,Action,Owner\nWorkstream 1,1.1a,Write the strategy,Ann Lee\n' > missing-due-column/actions.csv
exp missing-due-column "missing-due-column/actions.csv:1:1: error: missing required column 'due' (accepted headers: Due, Deadline, By when, Target date)
missing-due-column: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings"

mk missing-kpi-ref-column
printf 'KPI,Baseline\nEHCPs issued within 20 weeks,40%%\n' > missing-kpi-ref-column/kpis.csv
exp missing-kpi-ref-column "missing-kpi-ref-column/kpis.csv:1:1: error: missing required column 'ref' (accepted headers: Ref, KPI ref, ID)
missing-kpi-ref-column: 1 area, 1 action, 1 milestone, 0 KPIs, 0 observations, 0 risks; 1 error, 0 warnings"

mk missing-risk-column
printf 'Date,Severity\nMay 2022,High\n' > missing-risk-column/risks.csv
exp missing-risk-column "missing-risk-column/risks.csv:1:1: error: missing required column 'risk' (accepted headers: Risk)
missing-risk-column: $S1; 1 error, 0 warnings"

mk due-not-a-date
printf '%s\n%s\n' "$ACT_H" 'Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,when funding allows,Green' > due-not-a-date/actions.csv
exp due-not-a-date "due-not-a-date/actions.csv:2:59: error: due: 'when funding allows' is not a deadline: write a UK date such as 31/12/2022, 31 Dec 2022 or Dec 2022, or COMPLETE, Ongoing or TBC
due-not-a-date: $S1; 1 error, 0 warnings"

mk due-us-order
printf '%s\n%s\n' "$ACT_H" 'Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,12/31/2022,Green' > due-us-order/actions.csv
exp due-us-order "due-us-order/actions.csv:2:59: error: due: '12/31/2022' looks like US month/day order: write day/month/year, e.g. 31/12/2022
due-us-order: $S1; 1 error, 0 warnings"

mk due-invalid-day
printf '%s\n%s\n' "$ACT_H" 'Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,31/02/2022,Green' > due-invalid-day/actions.csv
exp due-invalid-day "due-invalid-day/actions.csv:2:59: error: due: '31/02/2022' is not a valid day/month/year date
due-invalid-day: $S1; 1 error, 0 warnings"

mk completed-not-a-date
printf '%s\n%s\n' 'Area,Ref,Action,Owner,Due,Completed' 'Workstream 1,1.1a,Write the strategy,Ann Lee,Dec 2022,yes' > completed-not-a-date/actions.csv
exp completed-not-a-date "completed-not-a-date/actions.csv:2:55: error: completed: 'yes' is not a date: write a UK date such as 31/12/2022, 31 Dec 2022 or Dec 2022
completed-not-a-date: $S1; 1 error, 0 warnings"

mk revised-us-order
printf '%s\n%s\n' 'Area,Ref,Action,Owner,Due,Revised due' 'Workstream 1,1.1a,Write the strategy,Ann Lee,Dec 2022,02/28/2023' > revised-us-order/actions.csv
exp revised-us-order "revised-us-order/actions.csv:2:55: error: revised due: '02/28/2023' looks like US month/day order: write day/month/year, e.g. 28/02/2023
revised-us-order: $S1; 1 error, 0 warnings"

mk updated-not-a-date
printf '%s\n%s\n' 'Area,Ref,Action,Owner,Due,Last updated' 'Workstream 1,1.1a,Write the strategy,Ann Lee,Dec 2022,last week' > updated-not-a-date/actions.csv
exp updated-not-a-date "updated-not-a-date/actions.csv:2:55: error: updated: 'last week' is not a date: write a UK date such as 31/12/2022, 31 Dec 2022 or Dec 2022
updated-not-a-date: $S1; 1 error, 0 warnings"

mk empty-ref
printf '%s\n%s\n%s\n' "$ACT_H" "$ACT_R" 'Workstream 1,,Second action,Survey sent,Ann Lee,Jan 2023,Green' > empty-ref/actions.csv
exp empty-ref "empty-ref/actions.csv:3:15: error: the ref is empty but the action differs from the one above: a new action needs a ref
empty-ref: $S1; 1 error, 0 warnings"

# merged cells: an empty ref continues the action above, but the first row has none above it
mk first-row-no-ref
printf '%s\n%s\n' "$ACT_H" 'Workstream 1,,Write the strategy,Draft agreed,Ann Lee,Dec 2022,Green' > first-row-no-ref/actions.csv
exp first-row-no-ref "first-row-no-ref/actions.csv:2:14: error: the ref is empty: the first row needs the ref of its action (e.g. 1.1a)
first-row-no-ref: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings"

# decisions 10: a two-digit year is 20yy, and a date more than 10 years from the plan start is refused
mk two-digit-year-far
printf '%s\n%s\n' "$ACT_H" 'Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,31/12/99,Green' > two-digit-year-far/actions.csv
exp two-digit-year-far "two-digit-year-far/actions.csv:2:59: error: due: '31/12/99' reads as 2099, more than 10 years from the plan start (2022): write the year in full
two-digit-year-far: $S1; 1 error, 0 warnings"

# areas.csv: a row that names no area of actions.csv
mk areas-unmatched
printf 'Workstream,Sponsor\nWorkstream 1,Ann Lee\nTransport to college,Bob Ray\n' > areas-unmatched/areas.csv
exp areas-unmatched "areas-unmatched/areas.csv:3:1: error: area 'Transport to college' matches no area of actions.csv by name, number, prefix or word overlap
areas-unmatched: $S1; 1 error, 0 warnings"


mk empty-area
printf '%s\n%s\n%s\n' "$ACT_H" "$ACT_R" ',1.2,Second action,Survey sent,Ann Lee,Jan 2023,Green' > empty-area/actions.csv
exp empty-area "empty-area/actions.csv:3:1: error: the area is empty: every action belongs to an area (workstream)
empty-area: 2 areas, 2 actions, 2 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings"

mk invalid-utf8
printf '%s\n' "$ACT_H" > invalid-utf8/actions.csv
printf 'Workstream 1,1.1a,Write the strat\xe9gie,Draft agreed,Ann Lee,Dec 2022,Green\n' >> invalid-utf8/actions.csv
exp invalid-utf8 'invalid-utf8/actions.csv:2:34: error: invalid UTF-8 (byte 0xE9): save the export as "CSV UTF-8"
invalid-utf8: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings'

mk unterminated-quote
printf '%s\n%s\n%s\n' "$ACT_H" 'Workstream 1,1.1a,"Write the strategy,Draft agreed,Ann Lee,Dec 2022,Green' 'Workstream 1,1.1b,Consult,Survey,Ann Lee,Jan 2023,Green' > unterminated-quote/actions.csv
exp unterminated-quote "unterminated-quote/actions.csv:2:19: error: unterminated quoted field: the quote that opens here is never closed
unterminated-quote: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings"

mk stray-quote
printf '%s\n%s\n' "$ACT_H" 'Workstream 1,1.1a,Write the "new" strategy,Draft agreed,Ann Lee,Dec 2022,Green' > stray-quote/actions.csv
exp stray-quote 'stray-quote/actions.csv:2:29: error: malformed quoting: a quote inside a field must be doubled ("") and the whole field quoted
stray-quote: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings'

mk duplicate-kpi-ref
printf '%s\n%s\n' "$KPI" 'K01,Annual reviews on time,%,up,50%,80%' > duplicate-kpi-ref/kpis.csv
exp duplicate-kpi-ref "duplicate-kpi-ref/kpis.csv:3:1: error: duplicate KPI ref 'K01': it is already used at line 2
duplicate-kpi-ref: $S1; 1 error, 0 warnings"

mk empty-kpi-ref
printf '%s\n%s\n' "$KPI" ',Annual reviews on time,%,up,50%,80%' > empty-kpi-ref/kpis.csv
exp empty-kpi-ref "empty-kpi-ref/kpis.csv:3:1: error: the KPI ref is empty: every KPI needs a unique ref (e.g. K01)
empty-kpi-ref: $S1; 1 error, 0 warnings"

mk bad-unit
printf 'Ref,KPI,Unit,Direction,Baseline,12 months\nK01,EHCPs issued within 20 weeks,kg,up,40%%,60%%\n' > bad-unit/kpis.csv
exp bad-unit "bad-unit/kpis.csv:2:34: error: unit 'kg' is not one of %, number, rate, days, weeks, text
bad-unit: $S1; 1 error, 0 warnings"

mk bad-direction
printf 'Ref,KPI,Unit,Direction,Baseline,12 months\nK01,EHCPs issued within 20 weeks,%%,sideways,40%%,60%%\n' > bad-direction/kpis.csv
exp bad-direction "bad-direction/kpis.csv:2:36: error: direction 'sideways' is not one of up, down, none
bad-direction: $S1; 1 error, 0 warnings"

mk bad-tolerance
printf 'Ref,KPI,Baseline,12 months,Tolerance\nK01,EHCPs issued within 20 weeks,40%%,60%%,a little\n' > bad-tolerance/kpis.csv
exp bad-tolerance "bad-tolerance/kpis.csv:2:42: error: tolerance: 'a little' is not a number
bad-tolerance: $S1; 1 error, 0 warnings"

mk unknown-kpi-ref
printf 'Ref,Period,Value\nK01,2022-07,41\nK99,2022-07,12\n' > unknown-kpi-ref/kpi_values.csv
exp unknown-kpi-ref "unknown-kpi-ref/kpi_values.csv:3:1: error: KPI ref 'K99' is not in kpis.csv
unknown-kpi-ref: 1 area, 1 action, 1 milestone, 1 KPI, 1 observation, 0 risks; 1 error, 0 warnings"

mk value-not-a-number
printf 'Ref,Period,Value\nK01,2022-07,n/a\n' > value-not-a-number/kpi_values.csv
exp value-not-a-number "value-not-a-number/kpi_values.csv:2:13: error: value: 'n/a' is not a number
value-not-a-number: 1 area, 1 action, 1 milestone, 1 KPI, 1 observation, 0 risks; 1 error, 0 warnings"

mk value-decimal-comma
printf 'Ref,Period,Value\nK01,2022-07,"17,5"\n' > value-decimal-comma/kpi_values.csv
exp value-decimal-comma "value-decimal-comma/kpi_values.csv:2:13: error: value: '17,5' is not a number: use a point for decimals (17.5), not a comma
value-decimal-comma: 1 area, 1 action, 1 milestone, 1 KPI, 1 observation, 0 risks; 1 error, 0 warnings"

mk england-not-a-number
printf 'Ref,Period,Value,England\nK01,2022-07,41,about half\n' > england-not-a-number/kpi_values.csv
exp england-not-a-number "england-not-a-number/kpi_values.csv:2:16: error: England: 'about half' is not a number
england-not-a-number: 1 area, 1 action, 1 milestone, 1 KPI, 1 observation, 0 risks; 1 error, 0 warnings"

mk financial-quarter
printf 'Ref,Period,Value\nK01,Q3 2022-23,41\n' > financial-quarter/kpi_values.csv
exp financial-quarter "financial-quarter/kpi_values.csv:2:5: error: period: 'Q3 2022-23' is a financial-year quarter: use calendar quarters such as 2022-Q3
financial-quarter: 1 area, 1 action, 1 milestone, 1 KPI, 1 observation, 0 risks; 1 error, 0 warnings"

mk period-not-a-month
printf 'Ref,Period,Value\nK01,last month,41\n' > period-not-a-month/kpi_values.csv
exp period-not-a-month "period-not-a-month/kpi_values.csv:2:5: error: period: 'last month' is not a period: write a month (2022-07, Jul 2022) or a quarter (2022-Q3)
period-not-a-month: 1 area, 1 action, 1 milestone, 1 KPI, 1 observation, 0 risks; 1 error, 0 warnings"

mk duplicate-period
printf 'Ref,Period,Value\nK01,2022-07,41\nK01,Jul 2022,42\n' > duplicate-period/kpi_values.csv
exp duplicate-period "duplicate-period/kpi_values.csv:3:1: error: a second value for K01 in Jul 2022 (the first is at line 2): keep one row per period
duplicate-period: 1 area, 1 action, 1 milestone, 1 KPI, 2 observations, 0 risks; 1 error, 0 warnings"

mk bad-milestone-status
printf 'Ref,Period,Status\nK01,2022-09,done\n' > bad-milestone-status/kpi_values.csv
exp bad-milestone-status "bad-milestone-status/kpi_values.csv:2:13: error: status 'done' is not one of met, partly met, not met
bad-milestone-status: 1 area, 1 action, 1 milestone, 1 KPI, 1 observation, 0 risks; 1 error, 0 warnings"

mk bad-rebase
printf 'Ref,Period,Value,Rebase\nK01,2022-07,41,maybe\n' > bad-rebase/kpi_values.csv
exp bad-rebase "bad-rebase/kpi_values.csv:2:16: error: rebase 'maybe' is not yes or no
bad-rebase: 1 area, 1 action, 1 milestone, 1 KPI, 1 observation, 0 risks; 1 error, 0 warnings"

mk bad-severity
printf 'Date,Risk,Severity\nMay 2022,Staff turnover,Severe\n' > bad-severity/risks.csv
exp bad-severity "bad-severity/risks.csv:2:25: error: severity 'Severe' is not one of High, Medium, Low
bad-severity: 1 area, 1 action, 1 milestone, 1 KPI, 0 observations, 1 risk; 1 error, 0 warnings"

mk risk-date-us-order
printf 'Date,Risk,Severity\n05/31/2022,Staff turnover,High\n' > risk-date-us-order/risks.csv
exp risk-date-us-order "risk-date-us-order/risks.csv:2:1: error: date: '05/31/2022' looks like US month/day order: write day/month/year, e.g. 31/05/2022
risk-date-us-order: 1 area, 1 action, 1 milestone, 1 KPI, 0 observations, 1 risk; 1 error, 0 warnings"

mk ini-bad-kind
printf '%s\nkind = Improvement plan\n' "$INI" > ini-bad-kind/plan.ini
exp ini-bad-kind "ini-bad-kind/plan.ini:5:1: error: kind 'Improvement plan' is not one of WSoA, APP, Priority action plan
ini-bad-kind: $S1; 1 error, 0 warnings"

mk ini-unknown-key
printf '%s\n; the house style\ncolour = blue\n' "$INI" > ini-unknown-key/plan.ini
exp ini-unknown-key "ini-unknown-key/plan.ini:6:1: error: unknown key 'colour' (accepted: title, area, kind, start, checkpoint_3m, checkpoint_6m, checkpoint_12m, organisations, contact, end, revisit, inspection, revisit_report, accountable_officers, advisers, governance)
ini-unknown-key: $S1; 1 error, 0 warnings"

mk ini-missing-start
printf '[plan]\ntitle = Test plan\narea = Testshire\n' > ini-missing-start/plan.ini
exp ini-missing-start "ini-missing-start/plan.ini:1:1: error: missing key 'start': the plan's start (baseline) date, e.g. start = 2022-06-30
ini-missing-start: $S1; 1 error, 0 warnings"

mk ini-bad-checkpoint
printf '%s\ncheckpoint_6m = 12/31/2022\n' "$INI" > ini-bad-checkpoint/plan.ini
exp ini-bad-checkpoint "ini-bad-checkpoint/plan.ini:5:1: error: checkpoint_6m: '12/31/2022' looks like US month/day order: write day/month/year, e.g. 31/12/2022
ini-bad-checkpoint: $S1; 1 error, 0 warnings"

mk ini-not-ini
printf '[plan]\ntitle = Test plan\nthis line has no equals sign\nstart = 2022-06-30\n' > ini-not-ini/plan.ini
exp ini-not-ini "ini-not-ini/plan.ini:3:1: error: not an INI line: expected 'key = value' or '[plan]'
ini-not-ini: $S1; 1 error, 0 warnings"

mk ini-wrong-section
printf '%s\n[colours]\nheader = blue\n' "$INI" > ini-wrong-section/plan.ini
exp ini-wrong-section "ini-wrong-section/plan.ini:6:1: error: unknown section [colours]: plan.ini has the sections [plan] and [glossary]
ini-wrong-section: $S1; 1 error, 0 warnings"

mk errors-and-warnings
printf '%s\n%s\n%s\n' 'Area,Ref,Action,Owner,Due,Status' 'Workstream 1,1.1a,Write the strategy,,Dec 2022,Purple' 'Workstream 1,1.1b,Consult,Ann Lee,31/13/2022,Green' > errors-and-warnings/actions.csv
exp errors-and-warnings "errors-and-warnings/actions.csv:2:48: warning: status 'Purple' is not in the BRAG key (accepted: Blue, Green, Amber, Red, B, G, A, R, Complete, Completed, On track, Behind, Behind schedule, Not started, At risk); it is ignored
errors-and-warnings/actions.csv:3:35: error: due: '31/13/2022' is not a valid day/month/year date
errors-and-warnings: 1 area, 2 actions, 2 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 1 warning"

# Files that are not CSV UTF-8 at all, named for what they are.
mk utf16-export
printf 'Area,Ref,Action,Owner,Due\nWorkstream 1,1.1a,Write the strategy,Ann Lee,Dec 2022\n' | iconv -f UTF-8 -t UTF-16 > utf16-export/actions.csv
exp utf16-export 'utf16-export/actions.csv:1:1: error: this file is UTF-16 ("Unicode Text"), not UTF-8: in Excel use Save As, "CSV UTF-8"
utf16-export: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings'

mk xlsx-renamed
printf 'PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00' > xlsx-renamed/actions.csv
exp xlsx-renamed 'xlsx-renamed/actions.csv:1:1: error: this is an Excel workbook (.xlsx), not a CSV file: in Excel use Save As, "CSV UTF-8"
xlsx-renamed: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings'

mk nul-bytes
printf 'Area,Ref,Action,Owner,Due\nWorkstream 1,1.1a,Write\x00the strategy,Ann Lee,Dec 2022\n' > nul-bytes/actions.csv
exp nul-bytes 'nul-bytes/actions.csv:2:24: error: a NUL byte: the file is not text (UTF-16 without a byte-order mark?); save it as "CSV UTF-8"
nul-bytes: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings'

# Inputs of sane size (decisions #17): a row of more than 1,000 columns
mk too-many-columns
{ printf '%s\n' "$ACT_H"; printf '%s' "$ACT_R"; printf ',%.0s' $(seq 1000); printf 'x\n'; } > too-many-columns/actions.csv
exp too-many-columns 'too-many-columns/actions.csv:2:1067: error: more than 1000 columns in a row: not an export sendpack reads
too-many-columns: 0 areas, 0 actions, 0 milestones, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings'

# plan.ini: an indented line continues a text, not a date; a NUL byte is no text
mk ini-date-continued
printf '[plan]\ntitle = Test plan\n    continued\narea = Testshire\nstart = 2022-06-30\n    2022-07-01\n' > ini-date-continued/plan.ini
exp ini-date-continued "ini-date-continued/plan.ini:6:1: error: an indented line continues a text above it; 'start' takes one line
ini-date-continued: 1 area, 1 action, 1 milestone, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings"
mk ini-nul
printf '[plan]\ntitle = Test\000plan\narea = Testshire\nstart = 2022-06-30\n' > ini-nul/plan.ini
exp ini-nul 'ini-nul/plan.ini:2:1: error: a NUL byte: the file is not text
ini-nul: 1 area, 1 action, 1 milestone, 1 KPI, 0 observations, 0 risks; 1 error, 0 warnings'
