// settle __complete: see complete.hpp.
#include "cli/commands/complete.hpp"

#include "cli/commands.hpp"
#include "cli/vocabulary.hpp"
#include "core/completion.hpp"
#include "core/content.hpp"
#include "core/journal.hpp"
#include "core/revisit.hpp"
#include "core/settings.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <set>

namespace settle::cli {

namespace {

// Values that come from outside the CLI11 definitions, keyed by option or
// positional name. Everything else with fixed values declares them as
// option_text("a|b|c") where it is defined, and is picked up from there.
enum class Values {
    none,
    tags,
    feelings,
    needs,
    entries,      // IDs, and paths to entry files anywhere
    open_entries, // IDs of entries `settle revisit` has something to ask about
    topics,
    dates,
    directories,
    commands,
    settings // the keys of `settle config`, from the table of settings
};

const std::map<std::string, Values, std::less<>> kValueSources = {
    {"--tag", Values::tags},       {"--feel", Values::feelings},
    {"--need", Values::needs},     {"--journal", Values::directories},
    {"--at", Values::dates},       {"--since", Values::dates},
    {"--until", Values::dates},    {"entry", Values::entries},
    {"topic", Values::topics},     {"dir", Values::directories},
    {"command", Values::commands}, {"setting", Values::settings},
};

// Only the newest entries are read for tags: enough to offer what
// the person uses now, and fast on a journal of many years.
constexpr size_t kEntriesRead = 300;
constexpr size_t kEntryIdsOffered = 200;
// Longer text is a sentence, not something to complete.
constexpr size_t kLongestValue = 60;

bool visible(const CLI::App* command) {
    return !command->get_group().empty();
}

bool takes_value(const CLI::Option* option) {
    return option->get_type_size_max() > 0;
}

// An option of `command` by a name as typed ("--kind", "-h"), looking in the
// parents too when they accept options after a subcommand.
const CLI::Option* find_option(const CLI::App* command, std::string_view name) {
    for (const auto* app = command; app; app = app->get_parent()) {
        for (const auto* option : app->get_options()) {
            if (!option->nonpositional())
                continue;
            for (const auto& long_name : option->get_lnames())
                if (name == "--" + long_name)
                    return option;
            for (const auto& short_name : option->get_snames())
                if (name == "-" + short_name)
                    return option;
        }
        if (!app->get_fallthrough())
            break;
    }
    return nullptr;
}

const CLI::App* find_subcommand(const CLI::App* command, std::string_view name) {
    for (const auto* sub : command->get_subcommands({}))
        if (sub->get_name() == name)
            return sub;
    return nullptr;
}

// The positional that the n-th (0-based) positional word fills, if any.
const CLI::Option* positional_at(const CLI::App* command, size_t n) {
    for (const auto* option : command->get_options()) {
        if (!option->get_positional())
            continue;
        auto capacity = option->get_items_expected_max();
        if (capacity >= CLI::detail::expected_max_vector_size)
            return option;
        if (n < static_cast<size_t>(capacity))
            return option;
        n -= static_cast<size_t>(capacity);
    }
    return nullptr;
}

std::string option_key(const CLI::Option* option) {
    if (option->get_positional() || option->get_lnames().empty())
        return option->get_name();
    return "--" + option->get_lnames().front();
}

// "waited|reached-out|undecided" -> its three words; any other option text
// ("DIR", "auto|always|never" included) is checked word by word.
std::vector<std::string> choices_from_text(const std::string& text) {
    if (text.find('|') == std::string::npos)
        return {};
    std::vector<std::string> words;
    size_t start = 0;
    for (;;) {
        auto end = text.find('|', start);
        auto word = text.substr(start, end - start);
        bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        });
        if (!plain)
            return {};
        words.push_back(word);
        if (end == std::string::npos)
            return words;
        start = end + 1;
    }
}

bool offerable(std::string_view value) {
    if (value.empty() || value.size() > kLongestValue || value.front() == ':' ||
        value.front() == '-')
        return false;
    return std::none_of(value.begin(), value.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// The tags the person has used, newest entries only.
std::vector<std::string> journal_tags(Context& context) {
    auto journal = context.journal();
    std::set<std::string> tags;
    for (const auto& file : journal.latest_files(kEntriesRead))
        if (auto entry = journal.read(file))
            tags.insert(entry->tags.begin(), entry->tags.end());
    return {tags.begin(), tags.end()};
}

// The newest entries' IDs, only those named as settle names them: a file
// someone else put in the journal may be named like shell syntax.
std::vector<std::string> entry_ids(Context& context, bool only_open) {
    auto journal = context.journal();
    std::vector<std::string> ids;
    size_t read = 0; // entries opened, for revisit: the newest only, as for tags
    journal.each_file_newest_first([&](EntryFile& file) {
        if (!is_entry_id(file.id))
            return true;
        if (only_open && ++read > kEntriesRead)
            return false;
        if (only_open) {
            auto entry = journal.read(file);
            if (!entry || open_items(*entry).empty())
                return true;
        }
        ids.push_back(std::move(file.id));
        return ids.size() < kEntryIdsOffered;
    });
    std::reverse(ids.begin(), ids.end()); // oldest first, as names sort
    return ids;
}

// The names `settle read` takes, with their titles, from the same text it
// reads: the content folder of the settings, else the built-in copy.
std::vector<std::pair<std::string, std::string>> topic_names(Context& context) {
    auto library = load_topics(ContentSource::from_setting(context.settings().content.value));
    std::vector<std::pair<std::string, std::string>> names;
    if (library)
        for (const auto& topic : library->topics)
            names.emplace_back(topic.name, topic.title);
    return names;
}

struct Completer {
    const CLI::App& root;
    Context& context;
    Completions result;

    void offer(const std::string& value, const std::string& description, const std::string& prefix,
               const std::string& typed) {
        if (std::string_view(value).starts_with(typed) && offerable_to_shell(prefix + value))
            result.candidates.push_back({prefix + value, description});
    }

    void offer_values(Values what, const std::string& prefix, const std::string& typed) {
        switch (what) {
        case Values::tags:
            for (const auto& tag : journal_tags(context))
                if (offerable(tag))
                    offer(tag, "", prefix, typed);
            break;
        case Values::feelings:
        case Values::needs:
            // The person's own words first; the shells keep settle's order.
            for (const auto& word : offered_words(
                     context, what == Values::feelings ? WordList::feelings : WordList::needs))
                offer(word, "", prefix, typed);
            break;
        case Values::entries:
        case Values::open_entries:
            for (const auto& id : entry_ids(context, what == Values::open_entries))
                offer(id, "", prefix, typed);
            if (what == Values::entries)
                result.files = true; // `show` and `edit` take a path as well
            break;
        case Values::topics:
            for (const auto& [name, title] : topic_names(context))
                offer(name, title, prefix, typed);
            break;
        case Values::dates:
            for (const char* word : {"today", "yesterday", "7d", "4w", "3m"})
                offer(word, "", prefix, typed);
            break;
        case Values::commands:
            for (const auto* sub : root.get_subcommands({}))
                if (visible(sub))
                    offer(sub->get_name(), sub->get_description(), prefix, typed);
            offer("journal", "The entry format", prefix, typed);
            break;
        case Values::settings:
            for (const auto& spec : setting_table())
                offer(std::string(spec.key), std::string(spec.help), prefix, typed);
            break;
        case Values::directories:
            result.directories = true;
            break;
        case Values::none:
            break;
        }
    }

    void complete_value(const CLI::App* command, const CLI::Option* option,
                        const std::string& prefix, const std::string& typed) {
        auto source = kValueSources.find(option_key(option));
        if (source != kValueSources.end()) {
            auto what = source->second;
            if (what == Values::entries && command->get_name() == "revisit")
                what = Values::open_entries;
            // The journal may be unreadable or the config broken: offer nothing.
            try {
                offer_values(what, prefix, typed);
            } catch (const std::exception&) {
            }
            return;
        }
        for (const auto& choice : choices_from_text(option->get_option_text()))
            offer(choice, "", prefix, typed);
    }

    void complete_options(const CLI::App* command, const std::string& typed) {
        std::set<std::string> seen; // --help is both the command's and settle's
        for (const auto* app = command; app; app = app->get_parent()) {
            for (const auto* option : app->get_options()) {
                for (const auto& name : option->get_lnames())
                    if (seen.insert(name).second)
                        offer("--" + name, option->get_description(), "", typed);
            }
            if (!app->get_fallthrough())
                break;
        }
    }

    // `--journal ~/x` or `$HOME/x` as the shell will pass it when the line runs
    // (zsh and fish hand the words over as typed).
    void use_journal(const std::string& path) {
        context.global.journal = expand_home_and_variables(path, context.env());
    }

    void run(const std::vector<std::string>& words) {
        const CLI::App* command = &root;
        const CLI::Option* pending = nullptr; // an option waiting for its value
        bool only_positionals = false;        // after "--"
        size_t positionals = 0;
        const std::string typed = words.empty() ? std::string{} : words.back();
        for (size_t i = 0; i + 1 < words.size(); ++i) {
            const auto& word = words[i];
            // bash splits "--kind=pause" into "--kind", "=", "pause".
            if (word == "=" && pending)
                continue;
            if (pending) {
                if (option_key(pending) == "--journal")
                    use_journal(word);
                pending = nullptr;
                continue;
            }
            if (!only_positionals && word == "--") {
                only_positionals = true;
                continue;
            }
            if (!only_positionals && word.size() > 1 && word.front() == '-') {
                auto equals = word.find('=');
                const auto* option = find_option(command, word.substr(0, equals));
                if (option && takes_value(option)) {
                    if (equals == std::string::npos)
                        pending = option;
                    else if (option_key(option) == "--journal")
                        use_journal(word.substr(equals + 1));
                }
                continue;
            }
            if (!only_positionals && positionals == 0) {
                if (const auto* sub = find_subcommand(command, word)) {
                    command = sub;
                    continue;
                }
            }
            ++positionals;
        }

        if (pending) {
            complete_value(command, pending, "", typed);
            return;
        }
        if (!only_positionals && std::string_view(typed).starts_with("-")) {
            auto equals = typed.find('=');
            if (equals != std::string::npos) {
                const auto* option = find_option(command, typed.substr(0, equals));
                if (option && takes_value(option))
                    complete_value(command, option, typed.substr(0, equals + 1),
                                   typed.substr(equals + 1));
                return;
            }
            complete_options(command, typed);
            return;
        }
        if (positionals == 0 && !only_positionals)
            for (const auto* sub : command->get_subcommands({}))
                if (visible(sub))
                    offer(sub->get_name(), sub->get_description(), "", typed);
        if (const auto* positional = positional_at(command, positionals))
            complete_value(command, positional, "", typed);
    }
};

} // namespace

Completions complete(const CLI::App& root, Context& context,
                     const std::vector<std::string>& words) {
    Completer completer{root, context, {}};
    completer.run(words);
    return completer.result;
}

namespace {

void print_for_zsh_and_fish(const Completions& found) {
    std::string out;
    for (const auto& candidate : found.candidates) {
        if (candidate.value.front() == ':')
            continue; // would read as ":dirs" or ":files"
        out += candidate.value;
        // A description is for the eye: neutralized, it cannot harm a terminal.
        if (!candidate.description.empty() && offerable_to_shell(candidate.description))
            out += "\t" + candidate.description;
        out += '\n';
    }
    if (found.files)
        out += ":files\n";
    else if (found.directories)
        out += ":dirs\n";
    fmt::print("{}", out);
}

void print_for_bash(const CLI::App& root, Context& context, const std::string& line,
                    const std::string& text) {
    auto split = split_bash_line(line, text, context.env());
    if (!split)
        return;
    if (split->redirection) {
        fmt::print(":files\t{}\n", split->file_text);
        return;
    }
    auto found = complete(root, context, split->words);
    bool names_too = found.files || found.directories;
    std::string out;
    for (const auto& candidate : found.candidates) {
        if (!std::string_view(candidate.value).starts_with(split->lead))
            continue;
        auto rest = std::string_view(candidate.value).substr(split->lead.size());
        auto quoted = quote_for_bash(rest, split->quote);
        // Beside file names readline quotes every candidate itself.
        if (names_too && quoted != rest)
            continue;
        out += quoted + '\n';
    }
    if (found.files)
        out += fmt::format(":files\t{}\n", split->file_text);
    else if (found.directories)
        out += fmt::format(":dirs\t{}\n", split->file_text);
    fmt::print("{}", out);
}

} // namespace

void setup_complete(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("__complete", "Candidates for shell completion");
    command->group(""); // hidden: the completion scripts call it, people need not
    struct Request {
        std::vector<std::string> words;
        std::string shell;
        std::string line;
        std::string text;
    };
    auto request = std::make_shared<Request>();
    command->add_option("words", request->words,
                        "The words after 'settle', the last being completed");
    command->add_option("--shell", request->shell, "bash: quote for bash (with --line, --text)")
        ->option_text("bash");
    command->add_option("--line", request->line, "bash: the line up to the cursor");
    command->add_option("--text", request->text, "bash: the text readline completes ($2)");
    command->callback([&app, &context, request] {
        if (request->shell == "bash")
            print_for_bash(app, context, request->line, request->text);
        else
            print_for_zsh_and_fish(complete(app, context, request->words));
    });
}

} // namespace settle::cli
