// The catalogue the programme generator draws from: what happens in the tents (Kazakh culture and
// art), the sectors (national games and sport) and the pavilions. Ensembles are described by region
// rather than named, so no real artist is credited with an invented appearance.
import type { Admission } from "../generated/prisma/enums";
import type { Picker } from "./prng";

export type VenueGroup = "tent" | "sector" | "pavilion" | "nur-alem";

export interface Place {
  venueName: string;
  /** The pavilion's country ("Kazakhstan" for Nur Alem); empty for tents and sectors. */
  country: string;
}

export interface ActivityText {
  /** Slug fragment; with venue, date and start time it makes the event's slug. */
  key: string;
  title: string;
  description: string;
  performers: string[];
}

export interface Activity {
  groups: readonly VenueGroup[];
  weight: number;
  category: string;
  subcategory: string;
  minutes: readonly number[];
  /** Astana wall clock, minutes after midnight: earliest start and latest end. */
  window: readonly [number, number];
  admission: Admission;
  compose(pick: Picker, place: Place): ActivityText;
}

const h = (hours: number) => hours * 60;
const DAY = [h(10), h(23)] as const;
const DAYTIME = [h(10), h(19)] as const;
const AFTERNOON_EVENING = [h(13), h(23)] as const;

const REGIONS = [
  "Akmola region", "Aktobe region", "Almaty region", "Atyrau region", "East Kazakhstan region", "Jambyl region",
  "Karaganda region", "Kostanay region", "Kyzylorda region", "Mangystau region", "North Kazakhstan region",
  "Pavlodar region", "South Kazakhstan region", "West Kazakhstan region", "Astana", "Almaty",
] as const;
const KUI_COMPOSERS = ["Kurmangazy", "Dina Nurpeisova", "Tattimbet", "Dauletkerei", "Kazangap", "Sugir", "Abyl"] as const;
const EPICS = ["Koblandy batyr", "Alpamys batyr", "Kozy Korpesh and Bayan Sulu", "Er Targyn", "Kambar batyr"] as const;
const POETS = ["Abai Kunanbayuly", "Shakarim Kudaiberdiuly", "Magzhan Zhumabayev", "Makhambet Utemisuly", "Ibrai Altynsarin"] as const;
const FILMS = [
  ["Kyz Zhibek", 1970], ["The Fall of Otrar", 1991], ["Nomad", 2005], ["Tulpan", 2008], ["Kelin", 2009],
  ["Myn Bala", 2012], ["Shal", 2012], ["Kazakh Khanate: The Diamond Sword", 2016],
] as const;
const CRAFTS = [
  ["felt-making", "Felt-making: syrmak and tekemet carpets", "Masters show how felt is rolled and how syrmak and tekemet carpets are inlaid with ornament."],
  ["yurt-building", "Raising a yurt", "A family of craftsmen assembles a traditional yurt, from the lattice walls to the shanyrak crown."],
  ["leatherwork", "Leatherwork and embossing", "Saddle-makers and leatherworkers show traditional embossing and stitching."],
  ["silver-jewellery", "Silversmiths of the steppe", "Jewellers demonstrate the making of silver rings, bracelets and saukele ornaments."],
  ["dombra-making", "Making a dombra", "A luthier carves and strings a dombra and explains how the instrument's voice is tuned."],
  ["embroidery", "Kazakh embroidery", "Needlewomen show the stitches and ornaments of tus kiiz wall hangings."],
] as const;
const FUTURE_ENERGY_TOPICS = [
  "solar power on the steppe", "the wind farms of Kazakhstan", "energy-efficient cities", "storing renewable energy",
  "hydrogen and the energy of tomorrow", "saving energy at home",
] as const;
const COUNTRY_SPECIALS: Record<string, readonly (readonly [string, string, string])[]> = {
  China: [["tea-ceremony", "Chinese tea ceremony", "Tea masters brew and serve Chinese teas."], ["calligraphy", "Chinese calligraphy workshop", "Write your name with brush and ink."]],
  Russia: [["balalaika", "Balalaika and folk song", "Russian folk instruments and songs."], ["matryoshka", "Matryoshka painting workshop", "Paint your own nesting doll."]],
  Germany: [["brass-band", "German brass band", "Marches and dances played by a German brass band."], ["engineering-talk", "German engineering for clean energy", "Engineers present energy-saving technology."]],
  Italy: [["opera-arias", "Italian opera arias", "Young Italian singers perform arias from Verdi and Puccini."], ["espresso", "The Italian espresso", "A barista explains the Italian coffee ritual."]],
  France: [["chanson", "French chanson", "Songs from the French chanson repertoire."], ["pastry", "French pastry demonstration", "A pastry chef shows how croissants and macarons are made."]],
  Japan: [["taiko", "Taiko drumming", "A performance of Japanese taiko drums."], ["origami", "Origami workshop", "Fold cranes and flowers with Japanese paper."]],
  "South Korea": [["taekwondo-demo", "Taekwondo demonstration", "Korean athletes demonstrate taekwondo forms and breaking."], ["hanbok", "Hanbok: Korean dress", "A presentation of traditional Korean dress."]],
  Turkey: [["mehter", "Mehter band", "The Ottoman military band in historical costume."], ["turkish-coffee", "Turkish coffee and sweets", "Coffee brewed on hot sand, served with lokum."]],
  Pakistan: [["truck-art", "Pakistani truck art", "Painters show the colourful art of Pakistan's decorated trucks."], ["qawwali", "Qawwali evening", "Sufi devotional songs of the Indus valley."]],
};

const fixed = (key: string, title: string, description: string, performers: string[] = []): ActivityText => ({ key, title, description, performers });

export const ACTIVITIES: readonly Activity[] = [
  // Tents: Kazakh national culture and art.
  {
    groups: ["tent"], weight: 6, category: "culture", subcategory: "concert", minutes: [60, 75, 90], window: AFTERNOON_EVENING, admission: "FREE",
    compose: (pick) => {
      const composer = pick.one(KUI_COMPOSERS);
      const region = pick.one(REGIONS);
      return fixed("dombra-concert", `Dombra concert: kuis of ${composer}`,
        `Kuis by ${composer} and other masters of the dombra, played by a dombra ensemble from ${region}.`, [`Dombra ensemble from ${region}`]);
    },
  },
  {
    groups: ["tent"], weight: 3, category: "culture", subcategory: "concert", minutes: [45, 60, 75], window: AFTERNOON_EVENING, admission: "FREE",
    compose: (pick) => {
      const region = pick.one(REGIONS);
      return fixed("kobyz-concert", "Kobyz evening: the music of Korkyt", `The bowed kobyz, the shamans' instrument of the steppe, in kuis attributed to Korkyt and later masters, played by kobyz players from ${region}.`, [`Kobyz players from ${region}`]);
    },
  },
  {
    groups: ["tent"], weight: 5, category: "culture", subcategory: "folk", minutes: [45, 60, 90], window: DAY, admission: "FREE",
    compose: (pick) => {
      const region = pick.one(REGIONS);
      return fixed("folk-ensemble", `Folk ensemble from ${region}`, `Songs, dances and instrumental music of ${region} performed by a Kazakh folk ensemble in national costume.`, [`Folk ensemble from ${region}`]);
    },
  },
  {
    groups: ["tent"], weight: 3, category: "culture", subcategory: "literature", minutes: [90, 120], window: AFTERNOON_EVENING, admission: "FREE",
    compose: (pick) => {
      const [first, second] = pick.two(REGIONS);
      return fixed("aitys", `Aitys: akyns of ${first} and ${second}`, `An aitys, the improvised sung duel of Kazakh poets, between akyns from ${first} and ${second}, accompanied on the dombra.`, [`Akyns from ${first}`, `Akyns from ${second}`]);
    },
  },
  {
    groups: ["tent"], weight: 2, category: "culture", subcategory: "literature", minutes: [45, 60], window: DAY, admission: "FREE",
    compose: (pick) => {
      const epic = pick.one(EPICS);
      return fixed("zhyrau-epic", `Zhyrau recital: the epic of ${epic}`, `A zhyrau sings the heroic epic of ${epic} to the dombra, as the storytellers of the steppe have done for centuries.`, ["Zhyrau epic singers"]);
    },
  },
  {
    groups: ["tent"], weight: 2, category: "culture", subcategory: "literature", minutes: [45, 60], window: DAY, admission: "FREE",
    compose: (pick) => {
      const poet = pick.one(POETS);
      return fixed("poetry-reading", `Poetry of ${poet}`, `Actors and students read the poetry of ${poet} in Kazakh, with translations into Russian and English.`);
    },
  },
  {
    groups: ["tent"], weight: 3, category: "culture", subcategory: "concert", minutes: [60, 90], window: AFTERNOON_EVENING, admission: "FREE",
    compose: (pick) => {
      const region = pick.one(REGIONS);
      return pick.one([
        fixed("folk-orchestra", "Youth orchestra of Kazakh folk instruments", `A youth orchestra from ${region} plays dombras, kobyz, sybyzgy and dauylpaz drums.`, [`Youth folk orchestra from ${region}`]),
        fixed("ethno-jazz", "Ethno-jazz evening", `Dombra and kobyz meet saxophone and double bass in an ethno-jazz set by musicians from ${region}.`, [`Ethno-jazz band from ${region}`]),
        fixed("throat-singing", "Throat singing and sybyzgy", `Overtone singing and the sybyzgy flute of the western steppe, performed by musicians from ${region}.`, [`Musicians from ${region}`]),
        fixed("zhetygen-sherter", "Zhetygen and sherter: ancient strings", `The seven-stringed zhetygen and the plucked sherter in old melodies, played by musicians from ${region}.`, [`Musicians from ${region}`]),
        fixed("estrada-songs", "Kazakh songs of the twentieth century", `Beloved Kazakh estrada songs performed by young singers from ${region}.`, [`Young singers from ${region}`]),
      ]);
    },
  },
  {
    groups: ["tent"], weight: 3, category: "culture", subcategory: "folk", minutes: [60, 90, 120], window: DAYTIME, admission: "FREE",
    compose: (pick) => {
      const [key, title, description] = pick.one(CRAFTS);
      const region = pick.one(REGIONS);
      return fixed(key, title, `${description} Craftspeople from ${region}.`, [`Craftspeople from ${region}`]);
    },
  },
  {
    groups: ["tent"], weight: 4, category: "culture", subcategory: "workshop", minutes: [45, 60, 75], window: DAYTIME, admission: "FREE",
    compose: (pick) =>
      pick.one([
        fixed("kids-ornament", "Children's workshop: paint a Kazakh ornament", "Children learn the meaning of the ram's horn and other Kazakh ornaments and paint their own."),
        fixed("kids-felt-toy", "Children's workshop: make a felt toy", "Children roll coloured wool into a felt toy to take home."),
        fixed("kids-dombra", "Children's workshop: first notes on the dombra", "A teacher shows children how to hold a dombra and play their first melody."),
        fixed("kids-solar-car", "Children's workshop: build a solar-powered car", "In the spirit of EXPO 2017's Future Energy theme, children build a small car driven by a solar panel."),
        fixed("kids-asyk", "Children's workshop: asyk games", "Children learn the knucklebone games played in every Kazakh courtyard."),
      ]),
  },
  {
    groups: ["tent"], weight: 2, category: "culture", subcategory: "theatre", minutes: [45, 60], window: DAYTIME, admission: "FREE",
    compose: (pick) =>
      pick.one([
        fixed("puppet-theatre", "Puppet theatre: tales of Aldar Kose", "The trickster Aldar Kose outwits the greedy bai in a puppet show for families."),
        fixed("street-theatre", "Street theatre of the Great Steppe", "Actors in masks and costumes bring legends of the steppe to the EXPO streets."),
      ]),
  },
  {
    groups: ["tent"], weight: 2, category: "culture", subcategory: "fashion", minutes: [45, 60], window: AFTERNOON_EVENING, admission: "FREE",
    compose: (pick) =>
      pick.one([
        fixed("ethno-fashion-show", "Ethno-fashion show: felt, silk and leather", "Young Kazakh designers show collections that rework felt, silk and leather from the national wardrobe."),
        fixed("saukele-show", "Saukele and wedding costume show", "Wedding dress of the Kazakh regions, from the tall saukele headdress to embroidered camisoles."),
        fixed("young-designers", "Young designers of Kazakhstan: runway show", "Graduates of Kazakhstan's fashion schools present their first collections."),
      ]),
  },
  {
    groups: ["tent"], weight: 2, category: "culture", subcategory: "film", minutes: [90, 120, 150], window: AFTERNOON_EVENING, admission: "FREE",
    compose: (pick) => {
      const [film, year] = pick.one(FILMS);
      return fixed("film-screening", `Film screening: ${film} (${year})`, `A screening of the Kazakh film "${film}" (${year}), with an introduction by a film critic.`);
    },
  },
  {
    groups: ["tent"], weight: 2, category: "culture", subcategory: "cuisine", minutes: [45, 60], window: DAY, admission: "FREE",
    compose: (pick) =>
      pick.one([
        fixed("beshbarmak-masterclass", "Beshbarmak masterclass", "A chef shows how the national dish of boiled meat and hand-cut noodles is prepared and served."),
        fixed("baursak-baking", "Baursak baking", "Golden fried baursak dough, made and shared at the dastarkhan."),
        fixed("kumys-tasting", "Kumys and shubat tasting", "Fermented mare's and camel's milk from steppe farms, with the story of how they are made."),
        fixed("tea-dastarkhan", "Kazakh tea at the dastarkhan", "The Kazakh tea ritual with milk, baursak and sweets, and the etiquette of the dastarkhan."),
      ]),
  },
  {
    groups: ["tent", "nur-alem"], weight: 1, category: "culture", subcategory: "talk", minutes: [45, 60], window: DAYTIME, admission: "FREE",
    compose: (pick) => {
      const topic = pick.one(FUTURE_ENERGY_TOPICS);
      return fixed("future-energy-talk", `Future Energy talk: ${topic}`, `A talk for visitors on ${topic}, the theme of EXPO 2017.`);
    },
  },

  // Sectors: national games and sport.
  {
    groups: ["sector"], weight: 4, category: "sport", subcategory: "wrestling", minutes: [60, 90, 120], window: DAY, admission: "FREE",
    compose: (pick) => {
      const region = pick.one(REGIONS);
      return fixed("kazakh-kuresi", "Kazakh kuresi: exhibition bouts", `Belt wrestlers from ${region} meet guests of the expo in exhibition bouts of Kazakh kuresi.`, [`Kuresi wrestlers from ${region}`]);
    },
  },
  {
    groups: ["sector"], weight: 3, category: "sport", subcategory: "equestrian", minutes: [60, 90], window: DAYTIME, admission: "FREE",
    compose: (pick) => {
      const [first, second] = pick.two(REGIONS);
      return pick.one([
        fixed("kokpar-demonstration", "Kokpar demonstration", `Riders from ${first} and ${second} demonstrate kokpar, the mounted team game of the steppe.`, [`Kokpar team from ${first}`, `Kokpar team from ${second}`]),
        fixed("audaryspak", "Audaryspak: wrestling on horseback", `Horsemen from ${first} and ${second} try to pull each other from the saddle.`, [`Riders from ${first}`, `Riders from ${second}`]),
        fixed("kyz-kuu", "Kyz kuu: catch the girl", `The courtship race on horseback, shown by riders from ${first}.`, [`Riders from ${first}`]),
      ]);
    },
  },
  {
    groups: ["sector"], weight: 3, category: "sport", subcategory: "national-games", minutes: [60, 90, 120], window: DAY, admission: "FREE",
    compose: (pick) =>
      pick.one([
        fixed("asyk-atu", "Asyk atu open tournament", "An open tournament of asyk atu, the knucklebone-shooting game; visitors may enter."),
        fixed("togyz-kumalak", "Togyz kumalak: simultaneous games", "Masters of togyz kumalak, the board game of nine pebbles, play visitors simultaneously."),
        fixed("traditional-archery", "Traditional archery demonstration", "Archers with traditional bows show the shooting techniques of the nomads."),
        fixed("berkutchi", "Berkutchi: golden eagle hunters", "Eagle hunters fly their golden eagles and explain the old art of hunting with birds of prey."),
      ]),
  },
  {
    groups: ["sector"], weight: 3, category: "sport", subcategory: "recreational-sport", minutes: [60, 90, 120, 150], window: DAY, admission: "FREE",
    compose: (pick) =>
      pick.one([
        fixed("basketball-3x3", "3x3 basketball tournament", "An open 3x3 street basketball tournament for teams of visitors."),
        fixed("street-workout", "Street workout show", "Athletes show strength and balance on the bars, then coach visitors."),
        fixed("arm-wrestling", "Arm-wrestling open", "An open arm-wrestling contest in weight classes for men and women."),
        fixed("table-tennis", "Table tennis open", "Friendly table tennis matches for visitors of all ages."),
      ]),
  },
  {
    groups: ["sector"], weight: 1, category: "sport", subcategory: "football", minutes: [90, 120], window: DAYTIME, admission: "FREE",
    compose: () => fixed("kids-mini-football", "Children's mini-football tournament", "Teams of children from Astana's football schools play a mini-football tournament."),
  },

  // Pavilions: national programmes.
  {
    groups: ["pavilion"], weight: 3, category: "culture", subcategory: "concert", minutes: [30, 45, 60], window: DAY, admission: "FREE",
    compose: (_pick, place) => fixed("national-music", `Music of ${place.country}`, `Musicians from ${place.country} perform at the ${place.venueName}.`, [`Musicians from ${place.country}`]),
  },
  {
    groups: ["pavilion"], weight: 2, category: "culture", subcategory: "ballet", minutes: [30, 45], window: DAY, admission: "FREE",
    compose: (_pick, place) => fixed("national-dance", `Dances of ${place.country}`, `A dance company from ${place.country} performs traditional and contemporary dances.`, [`Dancers from ${place.country}`]),
  },
  {
    groups: ["pavilion"], weight: 2, category: "culture", subcategory: "talk", minutes: [30, 45, 60], window: DAYTIME, admission: "FREE",
    compose: (_pick, place) => fixed("future-energy-showcase", `${place.country}: Future Energy showcase`, `Specialists from ${place.country} present their country's projects in renewable and efficient energy.`),
  },
  {
    groups: ["pavilion"], weight: 3, category: "culture", subcategory: "workshop", minutes: [30, 45, 60], window: DAYTIME, admission: "FREE",
    compose: (pick, place) => {
      const [key, title, description] = pick.one(COUNTRY_SPECIALS[place.country] ?? [["national-crafts", `Crafts of ${place.country}`, "A hands-on workshop."]]);
      return fixed(key, title, `${description} At the ${place.venueName}.`);
    },
  },
  {
    groups: ["nur-alem"], weight: 4, category: "culture", subcategory: "talk", minutes: [45, 60, 90], window: DAYTIME, admission: "FREE",
    compose: (pick) =>
      pick.one([
        fixed("guided-tour", "Guided tour of Nur Alem", "A guided walk through the eight floors of the Future Energy museum inside the Nur Alem sphere."),
        fixed("science-show", "Science show for families", "Experiments with light, wind and water for families, at the Kazakhstan pavilion."),
        fixed("energy-lecture", "Kazakhstan's energy future: lecture", "Scientists of Kazakhstan present the country's plans for renewable energy."),
      ]),
  },
];
