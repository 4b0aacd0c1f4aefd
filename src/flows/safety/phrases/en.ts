/**
 * English, as expats and newcomers write it: contractions with or without apostrophe
 * ("dont", "im", "he'll" → "hell"), "wanna"/"gonna", no capitals. English idioms use the
 * same words as crisis talk ("I could kill for a coffee", "this heat is killing me",
 * "dying to meet"), so most phrases need a first-person object or a wish.
 */
import type { LanguagePhrases } from '../phrase-book.js';

const myself = '(myself|my self|meself|me self)';
const person =
  '(husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|stepdad|stepfather|mum|mom|mother|stepmother|brother|sister|son|daughter|uncle|he|she|they)';
const hurts =
  '(hits|hit|hitting|beats|beat|beating|punches|punched|punching|kicks|kicked|kicking|chokes|choked|choking|strangles|strangled|slaps|slapped|abuses|abused|abusing|hurts|hurt|hurting|rapes|raped|threatens|threatened)';
const wantsTo =
  '(will|hell|shell|theyll|gonna|going to|want to|wants to|wanna|trying to|tries to|try to|threatened to|threatens to|threatening to|is going to|plans to)';

export const en: LanguagePhrases = {
  language: 'en',
  crisis: {
    suicide: [
      'suicid*',
      'kill* ~1 ' + myself,
      '(end|ending|take|taking|finish|finishing) ~2 (my|my own) life',
      '(end|ending) ~1 it ~1 (all|tonight|now|today)',
      '(end|ending) (everything|it all)',
      '(drive|driving|crash|crashing|steer) ~3 (my car|myself|the car) ~2 (into|off|in front)',
      '(done|finished|fed up|sick|tired) (with|of) (life|living|my life|being alive)',
      '(dont|do not|never) (want|wanna|wish) to wake up',
      '(want|wanna|going|gonna|wish|rather|ready) ~2 (die|be dead|dead)',
      'wish ~2 (was|were|am) dead',
      '(dont|do not|no longer|not|never|didnt) ~2 (want|wanna|wish) ~2 (to live|live|be alive|to be alive|exist|to exist|living)',
      '(point|reason|worth) ~2 (of living|to live|in living|living|to go on|in going on|of life|in life)',
      'not worth living',
      'better off ~2 (without me|dead|if i was gone|if i wasnt here)',
      '(took|swallowed|taken|swallow|take|taking) ~2 (all|a whole|whole|the whole|an entire|all my|a bottle of|a lot of|loads of) ~2 (pills|tablets|meds|medication|medicine|bottle|packet)',
      'overdos*',
      '(jump|jumping|throw myself|throwing myself) ~3 (off|from|in front of|under) ~2 (bridge|building|roof|balcony|train|window|flat|tram|car)',
      '(hang|hanging|drown|drowning|shoot|shooting) ' + myself,
      '(want|wanna|wish|hope|like) ~6 never wake up',
      'not ~1 wake up ~1 (again|anymore)',
      '(no|lost the|lost my|dont have the) will to live',
      '(cant|cannot|can not) go on ~2 (anymore|like this|living)',
      'want ~2 to disappear forever',
    ],
    selfHarm: [
      'self ~1 harm*',
      'selfharm*',
      '(slit|slitting|slash|slashed|slashing|cut|cutting|open|opened) ~2 (wrists|wrist|veins)',
      'self ~1 injur*',
      '(cut|cutting|cuts|burn|burning|burned|burnt|hurt|hurting|harm|harming|hit|hitting|punish|punishing|scratch|scratching|starve|starving) ~1 ' +
        '(myself|my self|my arms|my arm|my wrists|my wrist|my legs|my thighs|my skin)',
    ],
    violence: [
      'domestic (violence|abuse)',
      person +
        ' ~2 (slammed|smashed|banged|threw|pushed|shoved|dragged) ~1 (my head|me|my face) ~2 (against|into|on|down|across)',
      person + ' ~3 ' + hurts + ' ~3 (me|us)',
      '(is|are|been|keeps|keep|always) ~2 (abusing|beating|hitting|hurting|choking|strangling) (me|us)',
      '(i am|im|am|i get|i got|ive been|i have been|ive|been) ~2 being (abused|beaten|hit|hurt|raped|assaulted)',
      '(i am|im|i get|i got|ive been|i have been|was) ~1 (beaten|abused|raped|assaulted) ~3 (by|at home)',
      '(afraid|scared|terrified|frightened) of my (husband|partner|boyfriend|wife|dad|father|ex|stepdad|brother|son)',
      '(afraid|scared|terrified) ~2 (to go|go|going|of going) home',
      'stalking me',
    ],
    danger: [
      '(threaten*) ~3 (kill|hurt|stab|shoot|murder|strangle) ~1 (me|us)',
      wantsTo + ' ~1 (kill|murder|stab|shoot|strangle) (me|us)',
      '(am|im|i am|we are|were) ~2 !(not|no|never) in ~1 danger',
      '(dont|do not|never|not) ~1 feel safe',
      'not safe ~2 (at home|here|with him|with her|in my house)',
      '(he|she|they|husband|partner|ex|someone|man|guy|boyfriend) ~6 (with|has|holding|pulled|carrying) ~1 (a|his|her) (knife|gun|weapon|axe)',
      '!(i|we|to|should|will|did|would|could|can|shall) (call|phone|ring) ~1 (the police|police|112|911)',
      '(locked|locks|lock) (me|us) (in|up)',
      '(im|i am|we are) locked in',
      '(wont|will not|doesnt|does not|wouldnt) let (me|us) (leave|go|go out|out)',
      'fear for my life',
    ],
  },
  concerns: {
    loneliness: [
      'lonel*',
      '(always|all|so|completely|totally|very) alone',
      'no one ~2 (to talk to|talks to me|visits|to be with)',
      '(nobody|noone) ~2 (to talk to|talks to me|visits|to be with|cares)',
      '(dont|do not) know anyone ~1 (here|around)',
      'no friends',
      'isolated',
    ],
    debts: [
      'debt',
      'debts',
      '(in|into|deep in) debt',
      'bailiff*',
      'debt collector*',
      '(cant|cannot|can not|unable to) (pay|afford) ~2 (rent|bills|bill|mortgage|energy)',
      'make ends meet',
      'money (worries|problems|trouble)',
      '(gas|power|electricity|water) ~2 (cut off|disconnected)',
    ],
    homeless: [
      'homeless',
      '(sleeping|sleep|slept) ~2 (on the street|on the streets|rough|outside|in my car|in the car|in the park)',
      'nowhere to (live|sleep|stay|go)',
      '(no|dont have a|have no) (home|house|place to live|place to stay|roof over my head)',
      '(being|been|getting|got|get) evicted',
      'eviction',
      '(kicked|thrown) out of ~1 (my|our|the) (house|home|flat|apartment)',
    ],
    food: [
      '(no|nothing) ~1 (food|to eat) ~2 (left|at home|in the house)',
      '(have|got) ~2 (no|nothing) ~1 (food|to eat)',
      '(cant|cannot|can not) (afford|buy|pay for) ~1 (food|groceries)',
      'no money ~3 (food|groceries)',
      '(kids|children|child|baby) ~3 (are|is) hungry',
      '(havent|have not|didnt|did not) eaten ~3 (days|two days|since)',
    ],
  },
  harmless: [
    // Idioms.
    '(kill|killing|killed) (for|it)',
    '(could|would|gonna) kill for',
    '(is|are|was|were) killing (me|us)',
    'die (for|of|laughing|with laughter)',
    'dying (to|for|laughing|my|her|his)',
    'killed me',
    'bored to death',
    '(drop|dead) (dead|tired|gorgeous|serious|set|end|easy)',
    '(beat|beats|beating) (me|us) (at|in|to)',
    // Others' stories, news, prevention and help work.
    'suicide (bomber*|bomb*|attack*|prevention|hotline|line|squad|mission|rate|rates)',
    '(documentary|film|movie|book|article|course|training|news|story|series|lecture|show) ~4 (about|on|against) ~2 (domestic|suicide|abuse|violence|self)',
    '(people|patients|those|clients|kids|someone|who) ~2 self ~1 harm*',
    '(who|man|woman|guy|girl|character|someone) ~2 (wanted|tried|tries|wants) to kill (himself|herself|themselves)',
    // Needs that were solved.
    '(paid off|cleared|repaid|paid back|no more) ~2 debt*',
  ],
};
