// cti-parse-floor-libyaml: the prototype behind the README's "what a faster parser would
// give" (tests/bench/run.sh). The same walk as cti-parse-floor (every DIR/forloeb/*.yaml,
// single-threaded, counting each document's top-level keys), but with libyaml's event
// parser, which hands out every scalar with its line and column (what cti's loader needs
// for its diagnostics) without building a node tree.
//
// Usage: cti-parse-floor-libyaml DIR
// Prints: "<files> files, <entries> top-level entries, <errors> parse errors".

#include <yaml.h>

#include <string>

#include "floor_walk.hpp"

namespace {

// Top-level keys of one document, or -1 when it does not parse.
long top_level_keys(const std::string& text) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return -1;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  long keys = 0;
  int depth = 0;    // collections open
  bool key = true;  // at depth 1 in a mapping: the next node is a key
  unsigned long lines = 0;
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      keys = -1;
      break;
    }
    const yaml_event_type_t type = ev.type;
    lines += ev.start_mark.line;  // the position every diagnostic needs, read as cti would
    if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT) {
      if (depth == 1) key = !key;
      ++depth;
    } else if (type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT) {
      --depth;
    } else if (type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT) {
      if (depth == 1) {
        keys += key;
        key = !key;
      }
    }
    yaml_event_delete(&ev);
    if (type == YAML_STREAM_END_EVENT) break;
  }
  yaml_parser_delete(&parser);
  return lines == static_cast<unsigned long>(-1) ? -1 : keys;
}

}  // namespace

int main(int argc, char** argv) {
  return run_floor(argc, argv, "cti-parse-floor-libyaml", top_level_keys);
}
