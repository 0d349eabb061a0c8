#include "core/content.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace settle;

namespace {

// A content folder with an empty topics/ in it.
struct TempContent {
    TempContent() { fs::create_directories(root / "topics"); }
    void write(const std::string& relative, const std::string& text) const {
        std::ofstream(root / relative, std::ios::binary) << text;
    }
    settle::testing::TempFolder folder;
    const fs::path& root = folder.path();
};

std::string topic_file(const std::string& name, int order, const std::string& body = "# Title\n") {
    return "---\nname: " + name + "\ntitle: About " + name +
           "\nsummary: One line.\norder: " + std::to_string(order) + "\n---\n" + body;
}

std::vector<Topic> built_in_topics() {
    auto library = load_topics(ContentSource::built_in());
    REQUIRE(library);
    REQUIRE(library->problems.empty());
    return library->topics;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

TEST_CASE("A topic file: frontmatter, then the Markdown body") {
    auto topic = parse_topic("---\nname: calm\ntitle: Why calm\nsummary: A line.\norder: 3\n"
                             "extra: ignored\n---\n# Why calm\n\nText.\n",
                             "topics/03-calm.md");
    REQUIRE(topic);
    CHECK(topic->name == "calm");
    CHECK(topic->title == "Why calm");
    CHECK(topic->summary == "A line.");
    CHECK(topic->order == 3);
    CHECK(topic->body == "# Why calm\n\nText.\n");
    CHECK(topic->path == "topics/03-calm.md");

    SECTION("CRLF line ends and a byte-order mark are fine") {
        auto crlf = parse_topic(
            "\xEF\xBB\xBF---\r\nname: calm\r\ntitle: T\r\nsummary: S\r\n---\r\nBody\r\n", "t.md");
        REQUIRE(crlf);
        CHECK(crlf->name == "calm");
        CHECK(crlf->body == "Body\r\n");
    }
}

TEST_CASE("A bad topic file names the file and the line") {
    auto problem = [](const std::string& text) {
        auto topic = parse_topic(text, "topics/x.md");
        REQUIRE_FALSE(topic);
        return topic.error().located();
    };
    CHECK(problem("# No frontmatter\n") ==
          "topics/x.md:1: a topic starts with a '---' line, then its name, title and summary");
    CHECK(problem("---\nname: x\n") == "topics/x.md:1: the frontmatter has no closing '---' line");
    CHECK(problem("---\nname: x\ntitle: T\n---\n") ==
          "topics/x.md:1: the frontmatter has no \"summary\"");
    CHECK(problem("---\nname: Not A Name\ntitle: T\nsummary: S\n---\n") ==
          "topics/x.md:2: name must be lower-case letters, digits and '-', got \"Not A Name\"");
    CHECK(problem("---\nname: x\ntitle: [a, b]\nsummary: S\n---\n") ==
          "topics/x.md:3: title must be a line of text");
    CHECK(problem("---\nname: x\ntitle: T\nsummary: S\norder: first\n---\n") ==
          "topics/x.md:5: order must be a whole number, got \"first\"");
    CHECK(problem("---\nname: x\ntitle: [unclosed\n---\n").starts_with("topics/x.md:"));
}

TEST_CASE("Topics load from a folder in reading order; a bad file is skipped, not fatal") {
    TempContent content;
    content.write("topics/b.md", topic_file("second", 2));
    content.write("topics/a.md", topic_file("first", 1));
    content.write("topics/c.md", "no frontmatter\n");
    content.write("topics/d.md", topic_file("first", 4));
    content.write("topics/notes.txt", "not a topic");
    content.write("topics/.hidden.md", topic_file("hidden", 0));

    auto library = load_topics(ContentSource::folder(content.root));
    REQUIRE(library);
    REQUIRE(library->topics.size() == 2);
    CHECK(library->topics[0].name == "first");
    CHECK(library->topics[1].name == "second");
    REQUIRE(library->problems.size() == 2);
    CHECK(library->problems[0].path == (content.root / "topics/c.md").string());
    CHECK(library->problems[1].message.find("already used") != std::string::npos);

    SECTION("a folder without topics/ is an error") {
        auto missing = load_topics(ContentSource::folder(content.root / "nowhere"));
        REQUIRE_FALSE(missing);
        CHECK(missing.error().message.find("no readable topics/ folder") != std::string::npos);
    }
}

TEST_CASE("The built-in text has every topic the issue asks for, each well formed") {
    auto topics = built_in_topics();
    std::set<std::string> names;
    for (const auto& topic : topics)
        names.insert(topic.name);
    CHECK(names.size() == topics.size());
    for (const char* name :
         {"anxious-attachment", "ordinary-anxiety", "accurate-worry", "calm", "hypervigilance",
          "patterns", "protest", "texting", "reassurance", "pursue-withdraw", "body", "audit",
          "script", "pause", "talking", "secure", "change", "questions", "safety"})
        CHECK(names.count(name) == 1);
    for (size_t i = 1; i < topics.size(); ++i)
        CHECK(topics[i - 1].order < topics[i].order);
}

namespace {

// The body's "## " sections, by heading, in order.
std::vector<std::string> section_headings(const std::string& body) {
    std::vector<std::string> headings;
    std::istringstream lines(body);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("## ", 0) == 0)
            headings.push_back(line.substr(3));
    return headings;
}

// Words a reader reads: everything but the closing list of sources.
size_t prose_words(const std::string& body) {
    auto prose = body.substr(0, body.find("\n## Sources"));
    size_t words = 0;
    bool in_word = false;
    for (unsigned char c : prose) {
        bool word_char = std::isalnum(c) || c == '\'' || c >= 0x80;
        if (word_char && !in_word)
            ++words;
        in_word = word_char;
    }
    return words;
}

} // namespace

TEST_CASE(
    "Every topic ends with its sources, after the settle commands, and reads in two minutes") {
    // About 200 words a minute for a calm reader; less for one in distress.
    constexpr size_t kMostWords = 400;
    for (const auto& topic : built_in_topics()) {
        INFO(topic.path);
        auto headings = section_headings(topic.body);
        REQUIRE_FALSE(headings.empty());
        CHECK(headings.back() == "Sources");
        auto sources = topic_sources(topic);
        CHECK_FALSE(sources.empty());
        for (const auto& source : sources) {
            INFO(source);
            // A work names its year, or a service its address or number.
            bool looked_up = source.find("(19") != std::string::npos ||
                             source.find("(20") != std::string::npos ||
                             source.find(".ca") != std::string::npos ||
                             source.find("310-1818") != std::string::npos;
            CHECK(looked_up);
        }
        CHECK(prose_words(topic.body) <= kMostWords);
        // Commands and examples wait at the end, under "With settle", so the
        // text reads without them.
        auto with_settle = topic.body.find("\n## With settle");
        auto before = topic.body.substr(0, with_settle);
        CHECK(before.find('`') == std::string::npos);
        if (with_settle != std::string::npos)
            CHECK((headings.size() >= 2 && headings[headings.size() - 2] == "With settle"));
        // No invented provenance.
        CHECK(topic.body.find("attachment-focused therapy") == std::string::npos);
        CHECK(topic.body.find("limited relief") == std::string::npos);
        CHECK(topic.body.find("strongest research") == std::string::npos);
        // Nothing that could teach a person to doubt a real warning, promise
        // that the urge will have dropped, or blame tiredness on attachment.
        CHECK(topic.body.find("about to go wrong") == std::string::npos);
        CHECK(topic.body.find("has dropped") == std::string::npos);
        CHECK(topic.body.find("will have dropped") == std::string::npos);
        CHECK(topic.body.find("fatigue") == std::string::npos);
    }
}

TEST_CASE("The sources of every topic, each once") {
    auto topics = built_in_topics();
    auto sources = all_sources(topics);
    std::set<std::string> unique(sources.begin(), sources.end());
    CHECK(unique.size() == sources.size());
    CHECK(std::is_sorted(sources.begin(), sources.end(), [](const auto& a, const auto& b) {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                            [](char x, char y) {
                                                return std::tolower(static_cast<unsigned char>(x)) <
                                                       std::tolower(static_cast<unsigned char>(y));
                                            });
    }));
    for (const auto& topic : topics)
        for (const auto& source : topic_sources(topic))
            CHECK(unique.count(source) == 1);
    auto has = [&](const char* start) {
        return std::any_of(sources.begin(), sources.end(),
                           [&](const std::string& s) { return s.rfind(start, 0) == 0; });
    };
    CHECK(has("Evraire, Dozois and Wilde (2022)"));
    CHECK(has("Greenberg, L. S. and Johnson, S. M. (1988)"));
    CHECK(has("Craske, M. G."));
    CHECK(has("Roisman, G. I."));

    auto topic = parse_topic("---\nname: t\ntitle: T\nsummary: S\n---\n# T\n\nText.\n\n"
                             "## Sources\n\n- One (2001). *A* book.\n- Two (2002). A\n  paper.\n",
                             "t.md");
    REQUIRE(topic);
    CHECK(topic_sources(*topic) ==
          std::vector<std::string>{"One (2001). *A* book.", "Two (2002). A paper."});
}

TEST_CASE("The text built into settle is byte for byte the content/ folder") {
    std::map<std::string, std::string> on_disk;
    const fs::path root = SETTLE_SOURCE_CONTENT;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        auto relative = fs::relative(entry.path(), root).generic_string();
        bool hidden = relative.front() == '.' || relative.find("/.") != std::string::npos;
        if (entry.is_regular_file() && !hidden)
            on_disk[relative] = read_bytes(entry.path());
    }
    std::map<std::string, std::string> embedded;
    for (const auto& file : embedded_content_files())
        embedded[std::string(file.path)] = std::string(file.bytes);

    REQUIRE(!on_disk.empty());
    for (const auto& [path, bytes] : on_disk) {
        INFO(path << ": rebuild to refresh the built-in copy");
        REQUIRE(embedded.count(path) == 1);
        CHECK(embedded[path] == bytes);
    }
    CHECK(embedded.size() == on_disk.size());
}

TEST_CASE("A topic is found by name or a unique prefix, ignoring case") {
    auto topics = built_in_topics();
    auto name_of = [&](const char* wanted) {
        auto topic = find_topic(topics, wanted);
        REQUIRE(topic);
        return (*topic)->name;
    };
    CHECK(name_of("reassurance") == "reassurance");
    CHECK(name_of("reass") == "reassurance");
    CHECK(name_of("Reass") == "reassurance");
    CHECK(name_of("hyper") == "hypervigilance");
    CHECK(name_of("pau") == "pause");

    auto ambiguous = find_topic(topics, "pa");
    REQUIRE_FALSE(ambiguous);
    CHECK(ambiguous.error().message == "\"pa\" could be patterns or pause; type a little more");
}

TEST_CASE("A typo gets \"did you mean\"") {
    auto topics = built_in_topics();
    auto message = [&](const char* wanted) {
        auto topic = find_topic(topics, wanted);
        REQUIRE_FALSE(topic);
        return topic.error().message;
    };
    CHECK(message("reasurance") ==
          "there is no topic \"reasurance\"; did you mean \"reassurance\"?");
    CHECK(message("hypervigilence") ==
          "there is no topic \"hypervigilence\"; did you mean \"hypervigilance\"?");
    CHECK(message("pase") == "there is no topic \"pase\"; did you mean \"pause\"?");
    CHECK(message("reasur") == "there is no topic \"reasur\"; did you mean \"reassurance\"?");
    CHECK(message("xyzzy") == "there is no topic \"xyzzy\"; `settle read` lists them");

    CHECK(similar_names(topics, "scirpt") == std::vector<std::string>{"script"});
    CHECK(similar_names(topics, "qqqqqqqq").empty());
}

TEST_CASE("A path is never a topic") {
    auto topics = built_in_topics();
    for (const char* wanted :
         {"../../etc/passwd", "/etc/passwd", "..", ".", "topics/06-reassurance.md", "~/secrets",
          "..\\..\\windows", ".hidden", "reassurance/../../x"}) {
        INFO(wanted);
        auto topic = find_topic(topics, wanted);
        REQUIRE_FALSE(topic);
        CHECK(topic.error().message.find("not a path") != std::string::npos);
    }
    auto empty = find_topic(topics, "");
    REQUIRE_FALSE(empty);
    CHECK(empty.error().message == "give a topic's name; `settle read` lists them");
}

TEST_CASE("Control characters in a name typed are shown, not sent to the terminal") {
    auto topic = find_topic(built_in_topics(), "x\x1b]0;title\x07");
    REQUIRE_FALSE(topic);
    CHECK(topic.error().message.find('\x1b') == std::string::npos);
}

TEST_CASE("Finding a word ignores case and how accents are encoded") {
    auto found = [](std::string_view text, std::string_view word) {
        std::vector<std::string> pieces;
        for (auto range : find_ignoring_case(text, word))
            pieces.emplace_back(text.substr(range.begin, range.end - range.begin));
        return pieces;
    };
    using Pieces = std::vector<std::string>;
    CHECK(found("Calm, calm and CALM.", "calm") == Pieces{"Calm", "calm", "CALM"});
    CHECK(found("Un café, deux CAFÉS", "café") == Pieces{"café", "CAFÉ"});
    // Decomposed "e" + combining acute matches the composed form, and back.
    CHECK(found("cafe\xCC\x81", "café") == Pieces{"cafe\xCC\x81"});
    CHECK(found("café", "cafe\xCC\x81") == Pieces{"café"});
    // Half of a letter is not a match.
    CHECK(found("cafe\xCC\x81", "cafe").empty());
    CHECK(found("café", "cafe").empty());
    CHECK(found("Straße", "STRASSE") == Pieces{"Straße"});
    CHECK(found("a 💛 here", "💛") == Pieces{"💛"});
    CHECK(found("anything", "").empty());
}

TEST_CASE("Search lists the topics and the lines that mention a word") {
    auto topics = built_in_topics();
    auto hits = search_topics(topics, "EXHALE");
    REQUIRE(!hits.empty());
    bool pause_found = false;
    for (const auto& hit : hits) {
        REQUIRE(!hit.lines.empty());
        for (const auto& line : hit.lines) {
            CHECK(!find_ignoring_case(line, "exhale").empty());
            CHECK(line.find("**") == std::string::npos); // plain text, not Markdown
        }
        pause_found = pause_found || hit.topic->name == "pause";
    }
    CHECK(pause_found);
    CHECK(search_topics(topics, "no-such-word-anywhere").empty());
}
