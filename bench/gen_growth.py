#!/usr/bin/env python3
"""Plans for the growth table (bench/growth.sh): gen_growth.py DIR SCALE writes
DIR/check, one plan of about 940 x SCALE milestones in actions of 10, with KPIs, monthly
values and 16 x SCALE risks; and DIR/now and DIR/before, this month's and last month's export
of a plan whose one action's 16 x SCALE milestones and 16 x SCALE risks were all reworded
between them (the worst case for matching: every pair is a candidate). Deterministic."""
import csv, os, random, sys

WORDS = ("agree publish review deliver train audit embed extend co-produce monitor report commission "
         "strategy pathway panel SENCO EHCP annual review tribunal transition preparation adulthood "
         "short breaks therapy speech language occupational health visiting early years inclusion "
         "alternative provision exclusion attendance parent carer forum youth voice dashboard "
         "quality assurance framework workforce development locality cluster school college "
         "apprenticeship supported internship housing social care safeguarding keyworker autism "
         "ADHD neurodevelopmental waiting list sufficiency capital places special resourced").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def reword(rng, text):
    """Last month's wording: two words changed, so word overlap stays well above half."""
    w = text.split()
    for _ in range(2):
        w[rng.randrange(len(w))] = rng.choice(WORDS)
    return " ".join(w)


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)


def main():
    root, scale = sys.argv[1], int(sys.argv[2])
    rng = random.Random(14 * 1000 + scale)
    n_actions, n_reworded, n_risks = 94 * scale, 16 * scale, 16 * scale
    actions, before_actions = [], []
    for a in range(n_actions):
        area = f"Workstream {a % 5 + 1}"
        ref = f"{a // 10 + 1}.{a % 10 + 1}"
        action = sentence(rng, 12)
        # the first action holds the reworded milestones; the others ten each
        n_ms = n_reworded if a == 0 else 10
        for m in range(n_ms):
            text = f"{sentence(rng, 10)} ({a}-{m})"
            due = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.choice((2022, 2023))}"
            status = rng.choice(("Green", "Amber", "Red", "Blue"))
            done = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2022" if status == "Blue" else ""
            row = [area, ref, action, text, f"Officer {a % 40}", due, status, done, f"K{a % 50 + 1:02d}"]
            actions.append(row)
            before_actions.append(row[:3] + [reword(rng, text) if a == 0 else text] + row[4:])
    kpis = [[f"K{k:02d}", f"Measure {k}: {sentence(rng, 6)}", "%", "up", f"{rng.randint(20, 50)}%",
             f"{rng.randint(55, 90)}%"] for k in range(1, 51)]
    values = [[f"K{k:02d}", f"{y}-{m:02d}", f"{rng.uniform(20, 90):.1f}%"]
              for k in range(1, 51) for y in (2021, 2022) for m in range(1, 13)]
    risks = []
    for r in range(n_risks):
        text = f"{sentence(rng, 14)} ({r})"
        risks.append([text, rng.choice(("High", "Medium", "Low")), sentence(rng, 8)])
    before_risks = [[reword(rng, r[0])] + r[1:] for r in risks]
    ini = "[plan]\ntitle = Growth plan\narea = Benchshire\nstart = 2022-01-31\n"
    for name, acts, rks in (("check", actions, risks), ("now", actions[:n_reworded], risks),
                            ("before", before_actions[:n_reworded], before_risks)):
        d = os.path.join(root, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "plan.ini"), "w") as f:
            f.write(ini)
        write(os.path.join(d, "actions.csv"),
              ["Area", "Ref", "Action", "Milestone", "Owner", "Due", "Status", "Completed", "KPI"], acts)
        write(os.path.join(d, "kpis.csv"), ["Ref", "KPI", "Unit", "Direction", "Baseline", "12 months"], kpis)
        write(os.path.join(d, "kpi_values.csv"), ["Ref", "Period", "Value"], values)
        write(os.path.join(d, "risks.csv"), ["Risk", "Severity", "Mitigation"], rks)


main()
