"""The config file and `settle config`: each setting's value and where it
came from (default < config file < environment < command line), and each
way a config file can be wrong."""

import json
import unittest

from harness import JournalTest


class ConfigTest(JournalTest):
    def write_config(self, text):
        folder = self.home / "config" / "settle"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "config.yaml"
        path.write_text(text)
        return path

    def settings(self, *flags, env=None):
        out = json.loads(self.ok(*flags, "config", "--format", "json", env=env).out)
        return {key: (item["value"], item["source"]) for key, item in out["settings"].items()}

    def test_defaults(self):
        settings = self.settings(env={"SETTLE_JOURNAL": ""})
        self.assertEqual(settings["journal"],
                         (str(self.home / "data" / "settle" / "journal"), "default"))
        self.assertEqual(settings["audit.minutes"], (3, "default"))
        self.assertEqual(settings["pause.minutes"], (5, "default"))
        self.assertEqual(settings["color"], ("auto", "default"))
        self.assertEqual(settings["git.auto_commit"], (False, "default"))

    def test_one_setting_or_group_and_what_it_takes(self):
        self.write_config("pause:\n  minutes: 4\n")
        out = self.ok("config", "pause.minutes").out
        self.assertRegex(out, r"^pause\.minutes\s+4\s+\(config file\)\n")
        self.assertIn("pause.minutes: The pause's timer.", out)
        self.assertIn("Takes minutes, more than 0 and at most 120; the default is 5.", out)
        self.assertNotIn("audit.minutes", out)

        group = self.ok("config", "pause").out
        for key in ("pause.minutes", "pause.breathe_in", "pause.breathe_out"):
            self.assertIn(key, group)
        self.assertNotIn("bell", group)

        crisis = json.loads(self.ok("config", "crisis", "--format", "json").out)["settings"]
        self.assertEqual(sorted(crisis), [f"crisis.{n}" for n in range(1, 8)])

        wrong = self.run_settle("config", "pause.minuts")
        self.assertEqual(wrong.code, 2)
        self.assertIn('there is no setting "pause.minuts"', wrong.err)
        self.assertIn("did you mean pause.minutes?", wrong.err)

    def test_each_layer_wins_over_the_one_before(self):
        self.write_config("journal: ~/from-file\ncolor: always\npause:\n  minutes: 4\n"
                          "git:\n  auto_commit: true\n")
        from_file = self.settings(env={"SETTLE_JOURNAL": ""})
        self.assertEqual(from_file["journal"], (str(self.home / "from-file"), "config file"))
        self.assertEqual(from_file["color"], ("always", "config file"))
        self.assertEqual(from_file["pause.minutes"], (4, "config file"))
        self.assertEqual(from_file["git.auto_commit"], (True, "config file"))

        from_env = self.settings(env={"SETTLE_JOURNAL": "~/from-env", "NO_COLOR": "1"})
        self.assertEqual(from_env["journal"], (str(self.home / "from-env"), "environment"))
        self.assertEqual(from_env["color"], ("never", "environment"))

        from_flag = self.settings("--journal", "/tmp/from-flag", "--color", "always",
                                  env={"NO_COLOR": "1"})
        self.assertEqual(from_flag["journal"], ("/tmp/from-flag", "command line"))
        self.assertEqual(from_flag["color"], ("always", "command line"))

    def test_text_output_names_the_source_and_the_file_goes_to_stderr(self):
        path = self.write_config("pause:\n  minutes: 4\n")
        result = self.ok("config")
        self.assertRegex(result.out, r"(?m)^pause\.minutes +4 +\(config file\)$")
        self.assertRegex(result.out, r"(?m)^journal +\S+ +\(environment\)$")
        self.assertIn(str(path), result.err)
        self.assertNotIn(str(path), result.out)

    def test_json_names_the_config_file(self):
        path = self.write_config("")
        out = json.loads(self.ok("config", "--format", "json").out)
        self.assertEqual(out["config_file"], str(path))
        self.assertTrue(out["config_file_found"])

    def test_unknown_keys_are_warnings_with_their_line(self):
        self.write_config("journal: ~/j\ncolour: never\ngit:\n  auto_push: true\n")
        result = self.ok("config")
        self.assertIn("config.yaml:2: unknown setting \"colour\" is ignored", result.err)
        self.assertIn("config.yaml:4: unknown setting \"git.auto_push\" is ignored", result.err)

    def test_each_bad_value_names_file_and_line_and_exits_2(self):
        cases = {
            "color: sometimes\n": (1, "color must be auto, always or never"),
            "journal: ~/j\ngit: true\n": (2, "git must hold settings"),
            "git:\n  auto_commit: maybe\n": (2, "git.auto_commit must be true or false"),
            "audit:\n  minutes: 500\n": (2, "audit.minutes must be"),
            "pause: 5\n": (1, "pause must hold settings"),
            "journal: [a, b]\n": (1, "journal must be a folder path"),
            "- just\n- a list\n": (1, "must be a set of 'key: value' lines"),
            "journal: ~/j\npause: [unclosed\n": (3, "not valid YAML"),
        }
        for text, (line, message) in cases.items():
            with self.subTest(config=text):
                self.write_config(text)
                result = self.run_settle("config")
                self.assertEqual(result.code, 2, result)
                self.assertIn(f"config.yaml:{line}: ", result.err)
                self.assertIn(message, result.err)
                self.assertEqual(result.out, "")

    def test_a_crisis_mistake_never_blocks_an_exercise(self):
        # Asking to drop the built-in crisis lines without lines of one's own
        # is ignored with one warning; every command still runs.
        self.write_config("crisis_replace_builtin: true\n")
        result = self.ok("pause", "--urge-before", "5", "--urge-after", "3",
                         "--outcome", "waited")
        self.assertEqual(len(self.entries()), 1, result)
        self.assertIn("urge_after: 3", self.read_entry(self.entries()[0]))
        warnings = [line for line in result.err.splitlines() if "warning" in line]
        self.assertEqual(len(warnings), 1, result)
        self.assertRegex(warnings[0], r"^settle: warning: .*config\.yaml:1: "
                         r"crisis_replace_builtin: true needs lines of your own under "
                         r"'crisis:'; the built-in lines are kept$")

        crisis = self.ok("crisis")
        self.assertIn("9-8-8", crisis.out)
        self.assertIn("310-1818", crisis.out)
        self.assertEqual(self.settings()["crisis_replace_builtin"], (False, "default"))

    def test_warnings_neutralize_terminal_controls(self):
        self.write_config('"\\e]0;owned\\a\\e[2J": 1\n')
        result = self.ok("config")
        self.assertIn("unknown setting", result.err)
        self.assertNotIn("\x1b", result.err)
        self.assertNotIn("\x07", result.err)

    def test_color_from_the_config_decides_unless_no_color_or_the_flag(self):
        if "crisis" not in self.ok("__complete", "--", "").out:
            self.skipTest("no crisis command yet")
        styled = "\x1b["
        self.write_config("color: always\n")
        self.assertIn(styled, self.ok("crisis").out)
        self.assertNotIn(styled, self.ok("crisis", env={"NO_COLOR": "1"}).out)
        self.assertIn(styled, self.ok("--color", "always", "crisis", env={"NO_COLOR": "1"}).out)
        self.write_config("color: never\n")
        self.assertNotIn(styled, self.ok("crisis").out)
        self.assertIn(styled, self.ok("--color", "always", "crisis").out)


if __name__ == "__main__":
    unittest.main()
