// The data the stand-in AniList answers from. Shaped like AniList's objects
// (field names from the real schema); every test gets a fresh copy.

export const VIEWER_ID = 5150;
/** A second AniList account (the multi-account tests sign it in too). */
export const SECOND_ID = 6001;
/** A member nobody follows at first (the follow tests). */
export const THIRD_ID = 6002;

const MEDIA = [
  { id: 1, idMal: 1, type: 'ANIME', format: 'TV', status: 'FINISHED', episodes: 26, duration: 24,
    title: { romaji: 'Kaubōi Bibappu', english: 'Cowboy Bebop', native: 'カウボーイビバップ' },
    genres: ['Action', 'Sci-Fi'], averageScore: 86, meanScore: 87, popularity: 370000, favourites: 25000, seasonYear: 1998,
    season: 'SPRING', source: 'ORIGINAL', endDate: { year: 1999, month: 4, day: 24 },
    bannerImage: 'https://s4.anilist.co/file/anilistcdn/media/anime/banner/1.jpg',
    description: 'Bounty hunters in space. <br><i>See you, space cowboy.</i>',
    tags: [{ id: 63, name: 'Space', description: 'Prominently features a setting in outer space.', rank: 94, isMediaSpoiler: false, isGeneralSpoiler: false },
      { id: 9, name: 'Tragedy', rank: 60, isMediaSpoiler: true, isGeneralSpoiler: false }],
    studios: [{ id: 14, name: 'Sunrise', isMain: true }, { id: 99, name: 'Bandai Visual', isMain: false }],
    relations: [{ relationType: 'SIDE_STORY', id: 21 }, { relationType: 'ADAPTATION', id: 30002 }],
    characters: [
      { role: 'MAIN', id: 1, name: 'Spike Spiegel', voiceActors: { JAPANESE: { id: 95, name: 'Kouichi Yamadera' }, ENGLISH: { id: 96, name: 'Steve Blum' } } },
      { role: 'SUPPORTING', id: 3, name: 'Jet Black', voiceActors: { JAPANESE: { id: 97, name: 'Unshou Ishizuka' } } },
    ],
    staff: [{ id: 101, name: 'Hajime Yatate', role: 'Original Creator' }, { id: 102, name: 'Shinichirou Watanabe', role: 'Director' }],
    rankings: [
      { id: 1, rank: 27, type: 'RATED', format: 'TV', year: null, season: null, allTime: true, context: 'highest rated all time' },
      { id: 2, rank: 1, type: 'POPULAR', format: 'TV', year: 1998, season: 'SPRING', allTime: false, context: 'most popular' },
    ],
    recommendations: [5114, 16498],
    recommendationRatings: { 5114: 57, 16498: 412 },
    externalLinks: [
      { id: 1, site: 'Official Site', url: 'https://www.cowboy-bebop.net/', type: 'INFO' },
      { id: 2, site: 'Crunchyroll', url: 'https://www.crunchyroll.com/cowboy-bebop', type: 'STREAMING' },
      { id: 3, site: 'Evil', url: 'javascript:window.__pwned=20', type: 'INFO' },
    ] },
  { id: 21, idMal: 21, type: 'ANIME', format: 'TV', status: 'RELEASING', episodes: null, duration: 24,
    title: { romaji: 'ONE PIECE', english: 'ONE PIECE', native: 'ONE PIECE' },
    genres: ['Action', 'Adventure'], averageScore: 88, seasonYear: 1999,
    studios: [{ id: 18, name: 'Toei Animation', isMain: true }, { id: 14, name: 'Sunrise', isMain: false }],
    description: 'Gol D. Roger was known as the Pirate King.',
    // The next episode, 2 d 4 h after each answer (see server.mjs).
    nextAiring: { episode: 133, inSeconds: 2 * 86400 + 4 * 3600 + 30 },
    // A big cast: more than a title's page shows at first, and than a page of 25.
    characters: Array.from({ length: 30 }, (_, i) => ({ role: i < 2 ? 'MAIN' : 'SUPPORTING', id: 500 + i, name: `Crew Member ${i + 1}`, voiceActors: {} })) },
  { id: 5114, idMal: 5114, type: 'ANIME', format: 'TV', status: 'FINISHED', episodes: 64, duration: 24,
    title: { romaji: 'Hagane no Renkinjutsushi: FULLMETAL ALCHEMIST', english: 'Fullmetal Alchemist: Brotherhood', native: '鋼の錬金術師 FULLMETAL ALCHEMIST' },
    genres: ['Action', 'Adventure', 'Drama'], averageScore: 90, seasonYear: 2009,
    description: 'Two brothers search for the Philosopher\'s Stone.',
    characters: [{ role: 'SUPPORTING', id: 11, name: 'Roy Mustang', voiceActors: { JAPANESE: { id: 95, name: 'Kouichi Yamadera' } } }],
    studios: [{ id: 14, name: 'Sunrise', isMain: false }],
    staff: [{ id: 102, name: 'Shinichirou Watanabe', role: 'Storyboard (ep 5)' }, { id: 102, name: 'Shinichirou Watanabe', role: 'Episode Director (ep 5)' }] },
  { id: 16498, idMal: 16498, type: 'ANIME', format: 'TV', status: 'FINISHED', episodes: 25, duration: 24,
    title: { romaji: 'Shingeki no Kyojin', english: 'Attack on Titan', native: '進撃の巨人' },
    genres: ['Action', 'Drama'], averageScore: 85, seasonYear: 2013,
    description: 'Humanity lives behind walls.',
    characters: [{ role: 'BACKGROUND', id: 1, name: 'Spike Spiegel', voiceActors: {} }] },
  { id: 20954, idMal: 28851, type: 'ANIME', format: 'MOVIE', status: 'FINISHED', episodes: 1, duration: 129,
    title: { romaji: 'Koe no Katachi', english: 'A Silent Voice', native: '聲の形' },
    genres: ['Drama', 'Romance'], averageScore: 89, seasonYear: 2016,
    description: '<script>alert("x")</script>A former bully seeks redemption.' },
  { id: 30013, idMal: 13, type: 'MANGA', format: 'MANGA', status: 'RELEASING', chapters: null, volumes: null,
    title: { romaji: 'ONE PIECE', english: 'One Piece', native: 'ONE PIECE' },
    genres: ['Action', 'Adventure'], averageScore: 92, seasonYear: 1997,
    description: 'The manga.' },
  { id: 30002, idMal: 2, type: 'MANGA', format: 'MANGA', status: 'FINISHED', chapters: 380, volumes: 42,
    title: { romaji: 'Berserk', english: 'Berserk', native: 'ベルセルク' },
    genres: ['Action', 'Drama', 'Fantasy'], averageScore: 93, seasonYear: 1989,
    description: 'Guts, the Black Swordsman.' },
  { id: 31706, idMal: 1706, type: 'MANGA', format: 'MANGA', status: 'FINISHED', chapters: 162, volumes: 27,
    title: { romaji: 'JoJo no Kimyou na Bouken: Steel Ball Run', english: 'Steel Ball Run', native: 'スティール・ボール・ラン' },
    genres: ['Action', 'Adventure'], averageScore: 91, seasonYear: 2004,
    description: 'A horse race across America.' },
  // Airing this week (the schedule): `airs` is a local time of day, `day`
  // days from today, for episode `episode`; one episode a week around it.
  { id: 40001, idMal: 60001, type: 'ANIME', format: 'TV', status: 'RELEASING', episodes: 12, duration: 24,
    title: { romaji: 'Yoake no Pan-ya', english: 'Bakery at Dawn', native: '夜明けのパン屋' },
    genres: ['Slice of Life'], averageScore: 74, seasonYear: 2026, isAdult: false,
    description: 'A baker opens before sunrise.', airs: { day: 0, hour: 9, minute: 30, episode: 6 } },
  { id: 40002, type: 'ANIME', format: 'ONA', status: 'RELEASING', episodes: 24, duration: 12,
    title: { romaji: 'Kumo no Ue', english: 'Above the Clouds', native: '雲の上' },
    genres: ['Adventure'], averageScore: 70, seasonYear: 2026, isAdult: false,
    description: 'Pilots of the last airship.', airs: { day: 0, hour: 21, minute: 0, episode: 11 } },
  { id: 40003, type: 'ANIME', format: 'TV', status: 'RELEASING', episodes: null, duration: 24,
    title: { romaji: 'Shinya Ressha', english: 'Midnight Train', native: '深夜列車' },
    genres: ['Drama'], averageScore: 60, seasonYear: 2026, isAdult: true,
    description: 'For adults only.', airs: { day: 0, hour: 23, minute: 30, episode: 3 } },
];

// Enough search results for more than one page of 10.
for (let i = 1; i <= 23; i++) {
  MEDIA.push({
    id: 90000 + i, type: 'ANIME', format: i % 3 === 0 ? 'MOVIE' : 'TV', status: 'FINISHED',
    episodes: 12, duration: 24,
    title: { romaji: `Kiseki no Hoshi ${i}`, english: `Star of Miracles ${i}`, native: `奇跡の星 ${i}` },
    genres: ['Slice of Life'], averageScore: 60 + (i % 30), seasonYear: 2000 + i,
    description: `Filler series number ${i}.`,
    // One studio and one director for all of them: more than a page of 25.
    studios: [{ id: 14, name: 'Sunrise', isMain: true }],
    staff: [{ id: 102, name: 'Shinichirou Watanabe', role: 'Director' },
      ...(i % 4 === 0 ? [{ id: 102, name: 'Shinichirou Watanabe', role: 'Sound Director' }] : [])],
  });
}

// What AniList keeps of the people the titles name (their pages); someone
// only named in a title has a name and nothing more.
const PEOPLE = {
  character: {
    1: { native: 'スパイク・スピーゲル', alternative: ['Swimming Bird'], gender: 'Male', age: '27',
      dateOfBirth: { year: null, month: 6, day: 26 }, favourites: 41000,
      description: 'A bounty hunter aboard the Bebop. <span class="markdown_spoiler"><span>He walks into the church.</span></span>'
        + '<img src=x onerror="window.__pwned=12"><a href="javascript:window.__pwned=13">more</a>' },
  },
  staff: {
    95: { native: '山寺宏一', primaryOccupations: ['Voice Actor', 'Narrator'], gender: 'Male', age: 64,
      dateOfBirth: { year: 1961, month: 6, day: 17 }, yearsActive: [1984], homeTown: 'Shiogama, Miyagi, Japan',
      languageV2: 'Japanese', favourites: 9100, description: 'A voice actor of <i>many</i> voices.' },
    102: { native: '渡辺信一郎', primaryOccupations: ['Director'], gender: 'Male', yearsActive: [1987, 2026],
      dateOfBirth: { year: 1965, month: 5, day: 24 }, languageV2: 'Japanese', favourites: 5000 },
  },
  studio: { 14: { favourites: 3200 } },
};

const ENTRIES = [
  { id: 700001, mediaId: 1, status: 'CURRENT', progress: 12, score: 8.5, updatedAt: 1763500000 },
  { id: 700002, mediaId: 5114, status: 'COMPLETED', progress: 64, score: 10, updatedAt: 1760000000, customLists: ['Favourites'] },
  { id: 700003, mediaId: 16498, status: 'PLANNING', progress: 0, score: 0, updatedAt: 1750000000 },
  { id: 700004, mediaId: 20954, status: 'PAUSED', progress: 0, score: 0, updatedAt: 1740000000 },
  { id: 700005, mediaId: 21, status: 'DROPPED', progress: 130, score: 6, updatedAt: 1730000000 },
  { id: 700006, mediaId: 30002, status: 'CURRENT', progress: 200, progressVolumes: 20, score: 9, updatedAt: 1763000000 },
  { id: 700007, mediaId: 31706, status: 'COMPLETED', progress: 162, progressVolumes: 27, score: 9.5, updatedAt: 1700000000 },
];

/** A bio carrying the classic payloads (markup a bio can hold). */
export const HOSTILE_BIO = '<p>Hostile <b>bio</b>.</p>'
  + '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
  + '<svg onload="window.__pwned=4"><a href="javascript:window.__pwned=5"><text>svg</text></a></svg>'
  + '<a href="data:text/html,<script>parent.__pwned=6</script>">data link</a>'
  + '<p style="position:fixed;inset:0" onclick="window.__pwned=7" onmouseover="window.__pwned=8">Styled</p>'
  + '<iframe src="javascript:parent.__pwned=9"></iframe><details open ontoggle="window.__pwned=11">toggled</details>'
  + '<b><i>unclosed <math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=10">';

export function freshFixtures() {
  return {
    viewer: {
      id: VIEWER_ID,
      name: 'Mitsuki',
      // User-written HTML: the app must show it as text.
      about: 'Watching everything twice.<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
      // The same bio as AniList gives it with asHtml: true (api.test.mjs
      // swaps in HOSTILE_BIO to check that nothing of it runs).
      aboutHtml: '<p>Watching <b>everything</b> <i>twice</i>.<br>Friends: <a href="https://anilist.co/user/1">Hana</a>'
        + ' and <a href="javascript:window.__pwned=3">Jun</a>.</p>'
        + '<span class="markdown_spoiler"><span>The ending</span></span><ul><li>One</li><li>Two</li></ul>',
      avatar: { large: 'https://s4.anilist.co/file/anilistcdn/user/avatar/large/default.png',
                medium: 'https://s4.anilist.co/file/anilistcdn/user/avatar/medium/default.png' },
      bannerImage: null,
      siteUrl: `https://anilist.co/user/${VIEWER_ID}`,
      createdAt: 1500000000,
      updatedAt: 1763500000,
      options: {
        titleLanguage: 'ENGLISH', displayAdultContent: false, airingNotifications: true, profileColor: 'blue', timezone: null,
        staffNameLanguage: 'ROMAJI_WESTERN', restrictMessagesToFollowing: false, activityMergeTime: 720,
        // Every kind AniList has, as it lists them; list activity as a new account has it.
        notificationOptions: ['ACTIVITY_MESSAGE', 'ACTIVITY_REPLY', 'FOLLOWING', 'ACTIVITY_MENTION', 'THREAD_COMMENT_MENTION', 'THREAD_SUBSCRIBED', 'THREAD_COMMENT_REPLY', 'AIRING', 'ACTIVITY_LIKE', 'ACTIVITY_REPLY_LIKE', 'THREAD_LIKE', 'THREAD_COMMENT_LIKE', 'ACTIVITY_REPLY_SUBSCRIBED', 'RELATED_MEDIA_ADDITION', 'MEDIA_DATA_CHANGE', 'MEDIA_MERGE', 'MEDIA_DELETION'].map((type) => ({ type, enabled: type !== 'THREAD_LIKE' })),
        disabledListActivity: ['CURRENT', 'PLANNING', 'COMPLETED', 'DROPPED', 'PAUSED', 'REPEATING'].map((type) => ({ type, disabled: false })),
      },
      mediaListOptions: {
        scoreFormat: 'POINT_10_DECIMAL', rowOrder: 'title',
        animeList: { customLists: ['Favourites', 'Rewatch'], advancedScoring: ['Story', 'Characters', 'Visuals', 'Audio', 'Enjoyment'], advancedScoringEnabled: false, sectionOrder: [] },
        mangaList: { customLists: ['Favourites'], advancedScoring: ['Story', 'Characters', 'Visuals', 'Audio', 'Enjoyment'], advancedScoringEnabled: false, sectionOrder: [] },
      },
      favourites: { anime: [5114], manga: [], characters: [], staff: [], studios: [] },
      unreadNotificationCount: 2,
      statistics: {
        anime: { count: 5, meanScore: 8.2, standardDeviation: 1.1, minutesWatched: 5424, episodesWatched: 206, chaptersRead: 0, volumesRead: 0 },
        manga: { count: 2, meanScore: 9.3, standardDeviation: 0.2, minutesWatched: 0, episodesWatched: 0, chaptersRead: 362, volumesRead: 47 },
      },
    },
    // Every title has a country of origin on AniList: Japan unless given.
    media: MEDIA.map((m) => ({ countryOfOrigin: 'JP', ...structuredClone(m) })),
    people: structuredClone(PEOPLE),
    entries: [
      ...ENTRIES.map((e) => ({ userId: VIEWER_ID, progressVolumes: 0, repeat: 0, priority: 0, private: false, notes: null, createdAt: 1600000000, ...e })),
      ...[
        { id: 900001, mediaId: 1, status: 'PLANNING', progress: 0, score: 0, updatedAt: 1763400000 },
        { id: 900002, mediaId: 21, status: 'CURRENT', progress: 3, score: 0, updatedAt: 1763300000 },
      ].map((e) => ({ userId: SECOND_ID, progressVolumes: 0, repeat: 0, priority: 0, private: false, notes: null, createdAt: 1600000000, ...e })),
      { id: 900101, userId: THIRD_ID, mediaId: 1, status: 'COMPLETED', progress: 26, progressVolumes: 0, score: 9.5, repeat: 0, priority: 0, private: false, notes: null, createdAt: 1600000000, updatedAt: 1763450000 },
      // Private: AniList shows it to nobody else.
      { id: 900102, userId: THIRD_ID, mediaId: 21, status: 'PAUSED', progress: 40, progressVolumes: 0, score: 0, repeat: 0, priority: 0, private: true, notes: null, createdAt: 1600000000, updatedAt: 1763450000 },
      // Not on the viewer's lists.
      ...[
        { id: 900103, mediaId: 90001, status: 'CURRENT', progress: 5, score: 0, updatedAt: 1763460000 },
        { id: 900104, mediaId: 90002, status: 'DROPPED', progress: 2, score: 4, updatedAt: 1763440000 },
        { id: 900105, mediaId: 30013, status: 'COMPLETED', progress: 1100, score: 8, updatedAt: 1763430000 },
      ].map((e) => ({ userId: THIRD_ID, progressVolumes: 0, repeat: 0, priority: 0, private: false, notes: null, createdAt: 1600000000, ...e })),
    ],
    // Other users, as Viewer and MediaListCollection see them (the same options as the viewer's).
    others: [
      { id: SECOND_ID, name: 'Hana', about: null, aboutHtml: null, unreadNotificationCount: 0 },
      { id: THIRD_ID, name: 'Jun', about: 'Mostly <b>movies</b>.', aboutHtml: '<p>Mostly <b>movies</b>.<img src=x onerror="window.__pwned=21"></p>', unreadNotificationCount: 0,
        statistics: {
          anime: { count: 1, meanScore: 9.5, standardDeviation: 0, minutesWatched: 624, episodesWatched: 26, chaptersRead: 0, volumesRead: 0 },
          manga: { count: 0, meanScore: 0, standardDeviation: 0, minutesWatched: 0, episodesWatched: 0, chaptersRead: 0, volumesRead: 0 },
        },
        favourites: { anime: [1], manga: [], characters: [1], staff: [], studios: [] } },
    ],
    // Reviews (AniList keeps the text as markdown and answers `asHtml` as
    // HTML, which is what these are): Cowboy Bebop has four, one more than
    // its page shows at first; one of them carries hostile markup.
    reviews: reviews(),
    // AniList's tags (MediaTagCollection): the titles' and a few more,
    // one of them for adults.
    tags: [
      { id: 63, name: 'Space', description: 'Prominently features a setting in outer space.', category: 'Setting-Universe', isAdult: false, isGeneralSpoiler: false },
      { id: 9, name: 'Tragedy', description: 'Centers around tragic events and unhappy endings.', category: 'Theme-Drama', isAdult: false, isGeneralSpoiler: false },
      { id: 104, name: 'Found Family', category: 'Theme-Other', isAdult: false, isGeneralSpoiler: false },
      { id: 291, name: 'Nudity', category: 'Sexual Content', isAdult: true, isGeneralSpoiler: false },
    ],
    // Forum threads, each about the titles in mediaIds.
    threads: threads(),
    threadComments: threadComments(),
    // The forum's categories, as AniList names them (the app asks, never assumes).
    // AniList's forum categories (13: its announcements, which only its
    // staff may use).
    threadCategories: [[1, 'Anime'], [2, 'Manga'], [3, 'Light Novels'], [4, 'Visual Novels'], [5, 'Release Discussion'], [7, 'General'], [8, 'News'], [9, 'Music'], [10, 'Gaming'], [11, 'Site Feedback'], [12, 'Bug Reports'], [13, 'Site Announcements'], [15, 'Recommendations'], [16, 'Forum Games'], [17, 'Misc'], [18, 'AniList Apps']].map(([id, name]) => ({ id, name })),
    // The members' say on reviews: "user>review" → UP_VOTE / DOWN_VOTE.
    reviewVotes: new Map(),
    // The members' say on recommendations: "user>title>recommended" →
    // RATE_UP / RATE_DOWN.
    recommendationVotes: new Map(),
    // Who follows whom: "follower>followed". The viewer and Hana follow each other.
    follows: new Set([`${VIEWER_ID}>${SECOND_ID}`, `${SECOND_ID}>${VIEWER_ID}`]),
    nextEntryId: 800000,
    // The viewer's notifications, newest first (`__typename` picks the
    // member of AniList's NotificationUnion); the two newest are unread.
    notifications: notifications(),
    // The activity feed's, newest first (`__typename` as for notifications).
    activities: activities(),
    // Likes of activities: "user>activity".
    likes: new Set(),
    // Who is told of an activity's replies: "user>activity".
    subscriptions: new Set(),
  };
}

/** A status post carrying the classic payloads. */
export const HOSTILE_POST = '<p>Hostile <b>post</b>.</p><img src=x onerror="window.__pwned=31">'
  + '<script>window.__pwned=32</script><a href="javascript:window.__pwned=33">a link</a>';

function activities() {
  const now = Math.floor(Date.now() / 1000);
  return [
    { __typename: 'ListActivity', id: 8006, type: 'ANIME_LIST', userId: SECOND_ID, status: 'watched episode', progress: '10 - 12', mediaId: 1, createdAt: now - 600, likeCount: 3, replyCount: 1,
      replies: [{ id: 90001, userId: THIRD_ID, text: '<p>Session <i>12</i> is the best.</p>', createdAt: now - 300, likeCount: 2 }] },
    { __typename: 'TextActivity', id: 8005, type: 'TEXT', userId: THIRD_ID, text: HOSTILE_POST, createdAt: now - 1200, likeCount: 0, replyCount: 2,
      replies: [{ id: 90002, userId: SECOND_ID, text: '<p>What is this?</p>', createdAt: now - 1100, likeCount: 0 },
        { id: 90003, userId: VIEWER_ID, text: '<p>Reported.</p><img src=x onerror="window.__pwned=34">', createdAt: now - 1000, likeCount: 1 }] },
    { __typename: 'ListActivity', id: 8004, type: 'ANIME_LIST', userId: VIEWER_ID, status: 'completed', progress: null, mediaId: 5114, createdAt: now - 3600, likeCount: 1, replyCount: 0 },
    { __typename: 'ListActivity', id: 8003, type: 'MANGA_LIST', userId: SECOND_ID, status: 'plans to read', progress: null, mediaId: 30002, createdAt: now - 7200, likeCount: 0, replyCount: 0 },
    { __typename: 'TextActivity', id: 8002, type: 'TEXT', userId: SECOND_ID, text: '<p>Anyone up for <b>Bebop</b> tonight?</p>', createdAt: now - 9000, likeCount: 5, replyCount: 0 },
    // Messages: on their recipient's page (Hana wrote to the viewer; the
    // viewer to Hana, privately; Jun to Hana, privately: not the viewer's to see).
    { __typename: 'MessageActivity', id: 8001, type: 'MESSAGE', messengerId: SECOND_ID, recipientId: VIEWER_ID, text: '<p>Hi! Welcome to <b>AniList</b>.</p>', createdAt: now - 10000, likeCount: 0, replyCount: 0, isPrivate: false },
    { __typename: 'MessageActivity', id: 8000, type: 'MESSAGE', messengerId: VIEWER_ID, recipientId: SECOND_ID, text: '<p>Thanks for the Bebop tip.</p>', source: 'Thanks for the Bebop tip.', createdAt: now - 11000, likeCount: 1, replyCount: 0, isPrivate: true },
    { __typename: 'MessageActivity', id: 7999, type: 'MESSAGE', messengerId: THIRD_ID, recipientId: SECOND_ID, text: '<p>Between us.</p>', createdAt: now - 12000, likeCount: 0, replyCount: 0, isPrivate: true },
  ];
}

function reviews() {
  const at = 1764000000;
  return [
    { id: 7001, userId: SECOND_ID, mediaId: 1, score: 95, rating: 120, ratingAmount: 131, createdAt: at, updatedAt: at,
      summary: 'The best space western there is.',
      body: '<p>Bounty hunters, <b>jazz</b> and regret.</p><p><span class="markdown_spoiler"><span>Spike walks out.</span></span></p>' },
    { id: 7002, userId: THIRD_ID, mediaId: 1, score: 60, rating: 40, ratingAmount: 90, createdAt: at - 86400, updatedAt: at - 86400,
      summary: 'Style over story.',
      body: '<p>Looks great.</p><img src=x onerror="window.__pwned=40"><script>window.__pwned=41</script><a href="javascript:window.__pwned=42">more</a>' },
    { id: 7003, userId: SECOND_ID, mediaId: 1, score: 85, rating: 20, ratingAmount: 25, createdAt: at - 2 * 86400, updatedAt: at - 2 * 86400,
      summary: 'Session by session.', body: '<p>Every episode its own genre.</p>' },
    { id: 7004, userId: THIRD_ID, mediaId: 1, score: 80, rating: 3, ratingAmount: 9, createdAt: at - 3 * 86400, updatedAt: at - 3 * 86400,
      summary: 'Slow, then unforgettable.', body: '<p>Give it five episodes.</p>' },
    // The viewer's own (a manga's).
    { id: 7005, userId: VIEWER_ID, mediaId: 30002, score: 90, rating: 4, ratingAmount: 5, createdAt: at - 86400, updatedAt: at - 86400,
      summary: 'Guts, and then some.', body: '<p>Heavy, and worth it.</p>' },
  ];
}

function threads() {
  const at = 1764000000;
  const list = [
    { id: 9001, title: 'Rewatch club: week 1', body: 'Sessions __1__ to 4.', bodyHtml: '<p>Sessions <b>1</b> to 4.</p><img src=x onerror="window.__pwned=61">', userId: SECOND_ID, replyUserId: THIRD_ID, replyCount: 42, viewCount: 900, isSticky: true, isLocked: false, createdAt: at - 30 * 86400, repliedAt: at - 20 * 86400, mediaIds: [1], categoryIds: [1, 7] },
    { id: 9002, title: 'Which session is the best?', userId: THIRD_ID, replyUserId: SECOND_ID, replyCount: 1, viewCount: 50, isSticky: false, isLocked: true, createdAt: at - 10 * 86400, repliedAt: at - 86400, mediaIds: [1] },
    { id: 9003, title: 'The ending, explained <script>window.__pwned=60</script>', userId: SECOND_ID, replyUserId: null, replyCount: 0, viewCount: 3, isSticky: false, isLocked: false, createdAt: at - 2 * 86400, repliedAt: 0, mediaIds: [1, 5114] },
  ];
  // More than a page of ten for Cowboy Bebop.
  for (let i = 1; i <= 9; i++) {
    list.push({ id: 9100 + i, title: `Episode ${i} discussion`, userId: THIRD_ID, replyUserId: SECOND_ID, replyCount: i, viewCount: 10 * i, isSticky: false, isLocked: false, createdAt: at - (40 + i) * 86400, repliedAt: at - (30 + i) * 86400, mediaIds: [1], categoryIds: [5] });
  }
  return list;
}

function threadComments() {
  const at = 1764000000;
  const list = [
    { id: 50001, threadId: 9001, userId: THIRD_ID, comment: 'Asteroid __Blues__!', commentHtml: '<p>Asteroid <b>Blues</b>!</p><script>window.__pwned=62</script>', likeCount: 3, createdAt: at - 29 * 86400 },
    // Its answers, and an answer to an answer (AniList gives them as a
    // tree under it, in markdown; each read by its id, in HTML).
    { id: 50002, threadId: 9001, parentCommentId: 50001, userId: SECOND_ID, comment: 'Yes! __Blues__ it is.', commentHtml: '<p>Yes! <b>Blues</b> it is.</p><img src=x onerror="window.__pwned=63">', likeCount: 1, createdAt: at - 29 * 86400 + 600 },
    { id: 50003, threadId: 9001, parentCommentId: 50002, userId: THIRD_ID, comment: 'Agreed.', commentHtml: '<p>Agreed.</p>', likeCount: 0, createdAt: at - 29 * 86400 + 1200 },
  ];
  // More than a page of 25 for the rewatch club.
  for (let i = 1; i <= 26; i++) {
    list.push({ id: 50100 + i, threadId: 9001, userId: i % 2 ? SECOND_ID : THIRD_ID, comment: `Comment ${i}`, commentHtml: `<p>Comment ${i}</p>`, likeCount: 0, createdAt: at - (28 - i) * 3600, childComments: null });
  }
  return list;
}

function notifications() {
  const now = Math.floor(Date.now() / 1000);
  return [
    { __typename: 'AiringNotification', id: 501, type: 'AIRING', animeId: 1, episode: 13, contexts: ['Episode ', ' of ', ' aired.'], createdAt: now - 3600 },
    { __typename: 'FollowingNotification', id: 502, type: 'FOLLOWING', userId: SECOND_ID, context: ' started following you.', createdAt: now - 7200 },
    { __typename: 'ActivityLikeNotification', id: 503, type: 'ACTIVITY_LIKE', userId: SECOND_ID, activityId: 8004, context: ' liked your activity.', createdAt: now - 86400 },
    { __typename: 'MediaDeletionNotification', id: 504, type: 'MEDIA_DELETION', deletedMediaTitle: 'Star of Miracles (a copy)', context: ' was deleted from the site.', reason: 'A duplicate.', createdAt: now - 3 * 86400 },
  ];
}

const HEAVY_STATUSES = ['CURRENT', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'PLANNING', 'PLANNING', 'PAUSED', 'DROPPED'];
const HEAVY_FORMATS = ['TV', 'TV', 'MOVIE', 'OVA', 'ONA', 'TV_SHORT', 'SPECIAL'];

/**
 * A heavy user's anime list: `n` more titles and entries (media ids from
 * 1,000,001, entry ids from 2,000,001), spread over the statuses, formats and
 * years, every title in romaji, English and Japanese with a synonym, updated
 * at distinct times (entry 1 most recently). Every 50th is also on a custom
 * list; every 500th only there (hidden from the status lists).
 */
export function heavyList(n) {
  const media = [];
  const entries = [];
  for (let i = 1; i <= n; i++) {
    const episodes = 12 + (i % 40);
    media.push({
      id: 1_000_000 + i, type: 'ANIME', format: HEAVY_FORMATS[i % HEAVY_FORMATS.length], status: 'FINISHED',
      episodes, duration: 24,
      title: { romaji: `Hoshi no Monogatari ${i}`, english: `Tale of Stars ${i}`, native: `星の物語 ${i}` },
      synonyms: [`TOS ${i}`],
      genres: ['Drama'], averageScore: 50 + (i % 45), seasonYear: 1990 + (i % 36),
      description: `Heavy-list title number ${i}.`,
    });
    const status = HEAVY_STATUSES[i % HEAVY_STATUSES.length];
    entries.push({
      id: 2_000_000 + i, userId: VIEWER_ID, mediaId: 1_000_000 + i, status,
      progress: status === 'COMPLETED' ? episodes : status === 'PLANNING' ? 0 : i % episodes,
      progressVolumes: 0, score: status === 'PLANNING' ? 0 : (i % 10) + 0.5, repeat: 0, priority: 0, private: false, notes: null,
      createdAt: 1600000000, updatedAt: 1763400000 - i * 60,
      ...(i % 50 === 0 ? { customLists: ['Rewatch'] } : {}),
      ...(i % 500 === 0 ? { hiddenFromStatusLists: true } : {}),
    });
  }
  return { media, entries };
}
