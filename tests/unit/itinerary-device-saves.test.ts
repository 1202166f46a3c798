import { addDeviceSave, parseDeviceSaves, removeDeviceSave } from "@/lib/itinerary/device-saves";

describe("parseDeviceSaves", () => {
  test("a stored list gives its slugs once each, in order", () => {
    expect(parseDeviceSaves(JSON.stringify(["a", "b", "a", "c"]))).toEqual(["a", "b", "c"]);
  });

  test("nothing stored, broken JSON or a non-list give an empty list", () => {
    expect([parseDeviceSaves(null), parseDeviceSaves("{not json"), parseDeviceSaves('{"a":1}')]).toEqual([[], [], []]);
  });

  test("entries that are not slugs are dropped", () => {
    expect(parseDeviceSaves(JSON.stringify(["ok", 3, null, "", "x".repeat(201)]))).toEqual(["ok"]);
  });

  test("more than 500 entries are cut to 500", () => {
    const many = Array.from({ length: 600 }, (_, i) => `event-${i}`);
    expect(parseDeviceSaves(JSON.stringify(many))).toEqual(many.slice(0, 500));
  });
});

describe("adding and removing device saves", () => {
  test("adding a slug already there keeps one", () => {
    expect(addDeviceSave(["a", "b"], "a")).toEqual(["a", "b"]);
  });

  test("adding appends and removing filters", () => {
    expect(removeDeviceSave(addDeviceSave(["a"], "b"), "a")).toEqual(["b"]);
  });
});
