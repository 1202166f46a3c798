import { foldLines as icalFoldLines } from "ical-generator";
import { foldContentLines } from "@/lib/calendar/fold-lines";

// Lines around the 75-octet limit with 1-, 2-, 3- and 4-octet characters at the fold, and the
// broken surrogate pairs ical-generator handles in its own way (it takes the next unit along).
const ascii = "DESCRIPTION:" + "abcdefghij".repeat(20);
const samples = [
  "",
  "SUMMARY:short",
  "X".repeat(74),
  "X".repeat(75),
  "X".repeat(76),
  "X".repeat(149),
  ascii,
  `${ascii}\r\n${ascii}\r\n`,
  "SUMMARY:" + "é".repeat(80),
  "SUMMARY:" + "Астана ".repeat(30),
  "SUMMARY:" + "漢字".repeat(50),
  "SUMMARY:" + "🎵".repeat(40),
  "X".repeat(73) + "🎵tail",
  "X".repeat(72) + "é" + "Y".repeat(10),
  "SUMMARY:" + "\ud83c".repeat(40),
  "SUMMARY:" + "\udfb5x".repeat(40),
  "SUMMARY:" + "\ud83cx".repeat(40),
  "SUMMARY:" + "\ud83cé".repeat(40),
  "SUMMARY:" + "x".repeat(70) + "\ud83c",
  "LOCATION:Kongress-Zentrum\\, Astana\\nMangilik El 57\r\nEND:VEVENT\r\n",
];

test.each(samples.map((sample, index) => [index, sample]))("folds sample %i exactly as ical-generator does", (_index, sample) => {
  expect(foldContentLines(sample)).toEqual(icalFoldLines(sample));
});
