// `cti agenda`: the open obligations of the default board's forløb, per worker.
#include "report/agenda.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "base/ids.hpp"
#include "base/json.hpp"
#include "base/lang.hpp"
#include "base/parallel.hpp"
#include "report/table.hpp"
#include "schedule/dues.hpp"

namespace cti::report {

using i18n::count_text;
using i18n::tr;
using i18n::tr_n;

namespace {

std::string documentation_text(const std::string& point) {
  return fmt::format(fmt::runtime(tr("Documentation form {}", "Dokumentation: {}-skema")), point);
}

// The command that records an obligation, with the case named as a user types it.
std::string record_command(const schedule::Obligation& o, const std::string& typed) {
  switch (o.kind) {
    case schedule::Obligation::Kind::documentation:
      return "cti doc " + typed + " " + o.id;
    case schedule::Obligation::Kind::contact:
      return "cti contact " + typed;
    case schedule::Obligation::Kind::start:
      return "cti start " + typed;
    case schedule::Obligation::Kind::checklist:
      break;
  }
  return "cti done " + typed + " " + o.id;
}

// The JSON name of what an obligation is: what the command that records it records.
std::string_view kind_name(schedule::Obligation::Kind k) {
  switch (k) {
    case schedule::Obligation::Kind::documentation:
      return "documentation";
    case schedule::Obligation::Kind::contact:
      return "contact";
    case schedule::Obligation::Kind::start:
      return "start";
    case schedule::Obligation::Kind::checklist:
      break;
  }
  return "checklist";
}

// The items of one forløb that are overdue or due within q.days on q.today.
void collect(const Forloeb& f, const std::vector<ChecklistItem>& checklist,
             const schedule::ObligationSettings& settings, const AgendaQuery& q, const TypedIds& ids,
             std::vector<AgendaItem>& out) {
  const std::string typed = ids.typed(f.display_id());
  // What it owes without the texts; a text is written only for an item that is listed.
  for (const auto& d : schedule::dues(f, checklist, settings)) {
    auto s = schedule::state_on(d, q.today, q.days);
    if (s != schedule::State::overdue && s != schedule::State::due_soon) continue;
    const schedule::Obligation o = schedule::to_obligation(d);
    AgendaItem it;
    it.id = f.display_id();
    it.file = f.file;
    it.worker = f.worker ? *f.worker : "";
    it.documentation = o.kind == schedule::Obligation::Kind::documentation;
    it.kind = kind_name(o.kind);
    it.point = o.point;
    it.item = o.id;
    it.text = it.documentation ? documentation_text(o.id) : o.text;
    it.command = record_command(o, typed);
    it.due = o.due;
    it.days = days_between(q.today, o.due);
    out.push_back(std::move(it));
  }
}

}  // namespace

std::vector<AgendaGroup> agenda(const Project& project, const std::vector<Forloeb>& forloeb, const AgendaQuery& q) {
  const auto checklist = project.checklist();
  std::vector<AgendaGroup> groups;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& w : project.workers)
    if ((q.worker.empty() || w.id == q.worker) && index.emplace(w.id, groups.size()).second)
      groups.push_back({w.id, true, w.name, {}, {}});
  std::optional<std::size_t> unknown;

  std::unordered_map<std::string_view, const Forloeb*> by_file;  // views of the records' own paths
  by_file.reserve(forloeb.size());
  for (const auto& f : forloeb) by_file.emplace(f.file, &f);
  const auto settings = schedule::settings_of(project, q.today);
  std::vector<std::string> ids;
  ids.reserve(forloeb.size());
  for (const auto& f : forloeb) ids.push_back(f.display_id());
  const TypedIds typed(ids);
  // The default board's forløb: exactly those status lists without --all. Each one's
  // items on whichever core is free, into its own slot, then into the groups in order.
  const auto rows = status_rows(project, forloeb, {q.today, q.days, q.worker, false});
  std::vector<std::vector<AgendaItem>> items(rows.size());
  for_each_index(rows.size(), 128, [&](std::size_t i) {
    auto f = by_file.find(rows[i].file);
    if (rows[i].dates_readable && f != by_file.end()) collect(*f->second, checklist, settings, q, typed, items[i]);
  });
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const StatusRow& row = rows[i];
    std::size_t g;
    if (auto it = index.find(row.worker); it != index.end()) {
      g = it->second;
    } else {
      if (!unknown) {
        unknown = groups.size();
        groups.push_back({"", false, "", {}, {}});
      }
      g = *unknown;
    }
    if (row.has_errors()) groups[g].errors.push_back({row.id, row.file, row.worker, row.errors.front()});
    auto& to = groups[g].items;
    to.insert(to.end(), std::make_move_iterator(items[i].begin()), std::make_move_iterator(items[i].end()));
  }
  for (auto& g : groups) {
    // Oldest due date first: the overdue items come before the ones still due.
    std::stable_sort(g.items.begin(), g.items.end(), [](const AgendaItem& a, const AgendaItem& b) {
      if (a.due != b.due) return a.due < b.due;
      return a.id < b.id;
    });
    std::stable_sort(g.errors.begin(), g.errors.end(),
                     [](const AgendaError& a, const AgendaError& b) { return a.id < b.id; });
  }
  return groups;
}

namespace {

std::string due_in_text(int days) {
  if (days < 0) return fmt::format(fmt::runtime(tr("{}d late", "{}d for sent")), -days);
  if (days == 0) return std::string(tr("today", "i dag"));
  return fmt::format(fmt::runtime(tr("in {}d", "om {}d")), days);
}

std::string group_heading(const AgendaGroup& g, int days) {
  std::string name = g.known ? g.worker : std::string(tr("(unknown worker)", "(ukendt medarbejder)"));
  if (!g.name.empty()) name += " (" + g.name + ")";
  const auto late = std::count_if(g.items.begin(), g.items.end(), [](const AgendaItem& i) { return i.overdue(); });
  const auto soon = static_cast<long>(g.items.size()) - late;
  std::string counts =
      fmt::format(fmt::runtime(tr_n(late, "{} overdue", "{} overdue", "{} forsinket", "{} forsinkede")), late) +
      (days == 0 ? fmt::format(fmt::runtime(tr(", {} due today", ", {} forfalder i dag")), soon)
                 : fmt::format(fmt::runtime(tr(", {} due within {}", ", {} forfalder inden for {}")), soon,
                               count_text(days, "{} day", "{} days", "{} dag", "{} dage")));
  if (!g.errors.empty())
    counts += fmt::format(fmt::runtime(tr(", {} with file errors", ", {} med fejl i filen")), g.errors.size());
  return name + ": " + counts + "\n";
}

// One worker's heading and table, after a blank line.
std::string render_group(const AgendaGroup& g, const AgendaQuery& q, bool color, std::size_t width) {
  std::string out = "\n";
  out += group_heading(g, q.days);
  if (g.items.empty() && g.errors.empty()) {
    out += std::string(tr("  nothing to do\n", "  intet at gøre\n"));
    return out;
  }
  // The empty first column indents the rows by one gap.
  Table t({{""},
           {std::string(tr("Due", "Frist"))},
           {std::string(tr("Days", "Dage")), Align::right},
           {std::string(tr("Case", "Forløb"))},
           {std::string(tr("Record with", "Registrér med"))},
           {.heading = std::string(tr("Text", "Tekst")), .flex = true}});
  for (const auto& e : g.errors) {
    std::string mark = fmt::format(fmt::runtime(tr("error [{}]", "fejl [{}]")), e.error.rule);
    std::string hint = fmt::format(fmt::runtime(tr("line {}: run cti validate {}", "linje {}: kør cti validate {}")),
                                   e.error.line, e.file);
    t.add_row({"", "", "", e.id, Cell(mark, Color::red), Cell(hint, Color::red)});
  }
  for (const auto& i : g.items) {
    Color c = i.overdue() ? Color::red : Color::yellow;
    // Narrow: "+12d" as on the board, "dok:fase2" for a documentation form.
    Cell days = Cell(due_in_text(i.days), c).abbreviated(i.overdue() ? fmt::format("+{}d", -i.days) : "");
    // The command that records it, exactly as it is typed (never shortened).
    Cell item = Cell(i.command);
    t.add_row({"", format_date(i.due), std::move(days), i.id, std::move(item), Cell(i.text).keeping(20)});
  }
  out += t.render(color, width);
  return out;
}

}  // namespace

std::string render_agenda_table(const std::vector<AgendaGroup>& groups, const AgendaQuery& q, bool color,
                                std::size_t width) {
  std::string out =
      q.days == 0
          ? fmt::format(
                fmt::runtime(tr("Today {}: overdue, and due today\n", "I dag {}: forsinket, og forfalder i dag\n")),
                format_date(q.today))
          : fmt::format(fmt::runtime(tr("Today {}: overdue, and due within {}\n",
                                        "I dag {}: forsinket, og forfalder inden for {}\n")),
                        format_date(q.today), count_text(q.days, "{} day", "{} days", "{} dag", "{} dage"));
  // Each worker's part on whichever core is free, into its own text, joined in order.
  std::vector<std::string> parts(groups.size());
  for_each_index(groups.size(), 16, [&](std::size_t k) { parts[k] = render_group(groups[k], q, color, width); });
  for (const auto& part : parts) out += part;
  return out;
}

std::string render_agenda_json(const std::vector<AgendaGroup>& groups, const AgendaQuery& q,
                               const Uncounted& uncounted) {
  JsonWriter w;
  w.begin_object();
  w.key("today").value(format_date(q.today));
  w.key("days").value(q.days);
  w.key("workers").begin_array();
  w.items(groups.size(), 16, [&](JsonWriter& w, std::size_t k) {  // one object per worker, on all cores
    const AgendaGroup& g = groups[k];
    w.begin_object();
    w.key("worker");
    if (g.known)
      w.value(g.worker);
    else
      w.null();
    w.key("known").value(g.known);
    w.key("items").begin_array();
    for (const auto& i : g.items) {
      w.begin_object();
      w.key("id").value(i.id).key("file").value(i.file).key("worker").value(i.worker);
      w.key("kind").value(i.kind);
      w.key("point").value(i.point).key("item").value(i.item).key("text").value(i.text);
      w.key("due").value(format_date(i.due)).key("days").value(i.days);
      w.key("state").value(i.overdue() ? "overdue" : "due_soon");
      w.key("command").value(i.command);
      w.end_object();
    }
    w.end_array();
    w.key("errors").begin_array();
    for (const auto& e : g.errors) {
      w.begin_object();
      w.key("id").value(e.id).key("file").value(e.file).key("worker").value(e.worker);
      w.key("rule").value(e.error.rule).key("line").value(e.error.line).key("message").value(e.error.message);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  });
  w.end_array();
  write_uncounted_json(w, uncounted);
  w.end_object();
  return std::move(w).str();
}

}  // namespace cti::report
