//! The text pools the generator draws from. Every sentence here was written for nectar's
//! synthetic corpus; none is taken from a real report.
//!
//! Filler sentences hold no digits, number words, months, weekdays, relative dates, durations,
//! money, votes or decision verbs, so that they never add a fact the expected file does not
//! list.

/// Invented NEC members who write the reports.
pub(crate) const AUTHORS: &[&str] = &[
    "Maya Fenwick",
    "Tom Ashdown",
    "Priya Sandhu",
    "Gareth Llewellyn",
    "Nadia Okafor",
    "Colin Brereton",
    "Ruth Calloway",
    "Imran Qureshi",
    "Bethan Pryce",
    "Declan Rooney",
    "Helen Marsh",
    "Owen Tranter",
    "Shirin Akhtar",
    "Pete Lomax",
    "Joanna Whitby",
    "Kwame Boateng",
    "Lorna McAllister",
    "Dev Raman",
    "Alison Kerridge",
    "Hamish Dunlop",
];

/// Invented readers who comment.
pub(crate) const COMMENTERS: &[&str] = &[
    "Steve Harland",
    "Margaret Pyle",
    "Ian Whitcombe",
    "Rosie Tennant",
    "Sunil Varma",
    "Eileen Foxley",
    "Gwen Roberts",
    "Barry Nuttall",
    "Aisha Karim",
    "Neil Crowther",
    "Jen Halloran",
    "Mark Ingleby",
];

/// Places for blog taglines and site names.
pub(crate) const PLACES: &[&str] = &[
    "Calder Valley",
    "Tyneside",
    "the Black Country",
    "Medway",
    "the Wirral",
    "Cardiff East",
    "Stockport",
    "the Fens",
    "Lewes",
    "Bolton",
    "Ayrshire",
    "Hastings",
];

/// What a reader says below a report.
pub(crate) const COMMENTS: &[&str] = &[
    "Thanks for taking the time to write this up. It is the only way most of us find out what happens.",
    "Useful as always. Any chance of the papers being shared with CLP secretaries in advance?",
    "I wish the other reps reported back like this. Keep it up.",
    "Interesting that the finances came up again. Our local party has heard nothing about it.",
    "Good summary, though I think you are too kind about the selection rules.",
    "Could you say more about what happens to local parties in special measures?",
    "Very clear, thank you. Our branch will discuss this at its next get-together.",
    "Why does it always take so long to get a straight answer from head office?",
    "A fair account. I disagree with your line on the policy process but I respect the reasoning.",
    "Please keep pushing on the complaints backlog. People in our area have been waiting far too long.",
    "Great to see the youth structures being taken seriously at last.",
    "This is really helpful for those of us who cannot get to regional events.",
    "Thanks. Was anything said about support for organisers in the towns?",
    "Shared with our constituency executive. Several people asked the same question about the timetable.",
];

/// Unrelated headlines of LabourList's `More from LabourList` trailer.
pub(crate) const HEADLINES: &[&str] = &[
    "Councillors warn of a crisis in children's services",
    "Why the party must win back trust in the market towns",
    "Shadow ministers set out plans for bus franchising",
    "Poll: Which policy should the party lead on?",
    "Inside the campaign to save a community library",
    "Tenants' unions are the new frontier of organising",
    "What the latest polling tells us about swing voters",
    "Young activists call for a rethink on student debt",
    "A guide to standing as a councillor for the first time",
    "The case for a national care service, made simply",
    "Union leaders urge action on insecure work",
    "Letters: readers respond to the debate on devolution",
];

/// Titles a LabourList sidecar may give.
pub(crate) const LL_TITLES: &[&str] = &[
    "NEC report: New selection rules and a look at the finances",
    "NEC report: Complaints, conference and the campaign ahead",
    "NEC report: Rule changes and a row over the timetable",
    "NEC report: What the party's executive decided",
    "NEC report: Membership, money and the road to the next election",
];

/// Subjects of decisions and votes.
pub(crate) const SUBJECTS: &[&str] = &[
    "the selection timetable for the metro mayor contests",
    "a review of the contract for the membership database",
    "the code of conduct on the use of social media",
    "the procedures for regional list selections",
    "a pilot of online branch gatherings in rural areas",
    "the guidance on fundraising by local parties",
    "the terms of reference of the youth structures review",
    "the rules for shortlisting in council by-elections",
    "a new framework for training local officers",
    "the guidelines for hustings during selections",
    "the paper on affiliated societies and their rights",
    "a proposal to publish summaries of executive decisions",
    "the arrangements for regional women's forums",
    "the protocol on candidates' use of personal data",
    "the plan to merge two regional offices",
    "the standing orders for constituency executives",
    "the process for appeals against suspension",
    "a review of how policy commissions take evidence",
];

/// Bodies that NEC members are elected to.
pub(crate) const ELECTED_TO: &[&str] = &[
    "the new working group on party democracy",
    "the group overseeing the complaints review",
    "the panel that will interview for senior staff posts",
    "the steering group for the organising programme",
];

/// Topics of the leader's report.
pub(crate) const LEADER_TOPICS: &[&str] = &[
    "the cost of living and the pressure on household budgets",
    "the state of the health service and waiting lists",
    "the party's plans for housing and planning reform",
    "the campaign against cuts to local government",
    "the government's handling of the economy",
    "the priorities for the coming round of elections",
    "climate policy and the jobs it can bring to industrial areas",
    "the crisis in social care and what a fair settlement would look like",
];

/// Filler sentences.
pub(crate) const FILLER: &[&str] = &[
    "Much of the discussion turned on how the party can hold on to the activists who came in during the leadership contests.",
    "Several colleagues stressed that local parties need more help from regional staff, not more instructions.",
    "There was a long exchange about the quality of the data held on the membership system and how often it is cleaned.",
    "I made the point that branch secretaries are volunteers and that every new form we ask them to fill in has a cost.",
    "The discussion on housing was one of the better ones, with real common ground on giving councils the powers to build again.",
    "Colleagues from the trade union section pressed for the party to be clearer about its plans for employment rights.",
    "Nobody pretended that the financial position is easy, but the tone was calmer than it has been for some time.",
    "The questions from constituency representatives focused on selections, complaints and the wait for answers from head office.",
    "It was good to hear a frank account of where the campaign had gone well and where it had not.",
    "On the digital side, the party is still relying on systems that were built for a much smaller organisation.",
    "A number of us raised the treatment of local parties under investigation and the lack of clear timescales.",
    "There was broad support for giving young activists a stronger voice in how policy is made.",
    "The regional directors' reports were brief, and mostly about candidate recruitment and campaign days.",
    "Several speakers warned against treating the rows of the past as a substitute for a plan to win.",
    "I asked for a written answer on how the new complaints process will be monitored, and was promised one.",
    "The debate on the policy process was thoughtful, if inconclusive, and it will come back in a fuller paper.",
    "We heard about the work going on to improve accessibility at party events, which is long overdue.",
    "There was a welcome focus on organising in towns and coastal areas where the party has struggled.",
    "Concerns were raised about the cost of attending national events for activists on low incomes.",
    "The general feeling was that communication with local parties has improved, though from a low base.",
    "Some of us argued that political education should be part of every new activist's welcome, not an optional extra.",
    "The report on safeguarding was sobering, and everyone round the table took it seriously.",
    "Questions about the regional boards went unanswered, and I will keep asking them.",
    "The staff team were thanked for their work under real pressure, and rightly so.",
    "There is still too little transparency about how national campaign money is allocated between seats.",
    "Representatives from the socialist societies asked to be consulted earlier on changes that affect them.",
    "A long item on local government heard how councils are coping with rising demand and shrinking budgets.",
    "Several people pointed out that the party's own rules are hard to find and harder to read.",
    "The debate was robust but good-natured, which has not always been the case on this body.",
    "I pressed again for papers to be circulated in good time so that representatives can consult the people they represent.",
    "There was some frustration that issues raised before had still not been resolved.",
    "We were reminded that the party's reputation depends on how it treats its own staff and volunteers.",
    "Colleagues from Wales and Scotland spoke about the different pressures their campaigns face.",
    "The discussion on equalities covered disabled activists, the gender pay gap in the party and support for carers.",
    "Nobody doubts the scale of the task ahead, but there was a sense that the party is at least facing in the right direction.",
    "A question about the future of the party's headquarters building drew a careful and rather vague answer.",
    "I raised the concerns of local parties that have been waiting for their boundaries to be settled.",
    "The chair kept the discussion moving, and most items finished in good time.",
    "Several representatives spoke about abuse directed at councillors and candidates, particularly women.",
    "We heard a useful presentation on how the party can make better use of its own polling.",
    "The plans for community organising were welcomed, though some worried about how long the funding will last.",
    "A familiar complaint came up again: that local parties learn about national decisions from the press.",
    "There was a thoughtful exchange on how the party talks about immigration without conceding ground to the right.",
    "Union colleagues reported on disputes in the public sector and asked for visible solidarity from the party.",
    "The report on the national policy process promised a more open way of handling submissions from local parties.",
    "On candidates, the emphasis was on finding people who reflect the communities they want to represent.",
    "A number of representatives asked for clearer guidance on what local parties can and cannot say during selections.",
    "I reminded colleagues that the people who knock on doors are the party's greatest asset and deserve to be heard.",
    "The update on the party's finances was more detailed than usual, which was welcome.",
    "There was agreement that more must be done to support local parties in areas without councillors.",
    "Some of the sharpest questions came from the youth representative, and they were fair ones.",
    "It was clear from the discussion that the rulebook needs a thorough tidy-up rather than more amendments.",
    "The item on party communications looked at how local parties can reach voters who no longer read newspapers.",
    "Colleagues welcomed the new induction materials for branch officers and asked for them in plain English.",
    "Several people questioned whether the national campaign centre is reaching the places that need it most.",
    "A short discussion on the party's archive reminded us how much history is kept in local hands.",
    "The chair thanked representatives whose terms are coming to an end for their service.",
    "I asked that the findings of the review be shared with local parties and not just summarised.",
    "There was cautious optimism about recruitment, tempered by worries about people drifting away.",
    "We discussed how local parties can work more closely with community groups without taking them over.",
    "Representatives pressed for a proper plan to tackle the backlog of disciplinary cases.",
    "The party's work with the co-operative movement came up, and colleagues asked for more joint campaigning.",
    "A debate about campaign tools showed how differently urban and rural parties experience the same systems.",
    "Some colleagues were frustrated at the lack of detail, and said so plainly.",
    "The finance officers were asked to produce clearer accounts for local treasurers, which they promised to do.",
    "There was a useful discussion of how to make party events safe and welcoming for everyone.",
    "Nobody disputed the need for discipline in campaigning, but several of us asked for more trust in local judgement.",
    "I spoke about the importance of listening to activists who feel the party has stopped listening to them.",
    "The item on international work covered links with sister parties and support for democracy abroad.",
    "Representatives from the councillors' section described the strain on local services in their areas.",
    "Colleagues asked that the party's procurement reflect its values on fair pay and union recognition.",
    "There was a short but heated exchange about the conduct of a recent selection, which I will not go into here.",
    "The discussion on the environment focused on how to make green policies popular in places that fear for their jobs.",
    "A proposal for regional policy days received a warm response and will be worked up further.",
    "Colleagues stressed that the party's digital tools must work for volunteers with little time and old phones.",
    "There was a welcome acknowledgement that the party has not always treated its volunteers well.",
    "Several speakers called for more investment in the party's presence in the places it hopes to win.",
    "Representatives asked for regular reports on the diversity of the candidates being selected.",
    "The tone throughout was constructive, even where there were clear differences of view.",
    "Some difficult questions about the party's relationship with its donors were asked and only partly answered.",
    "We heard a brief report on the party's work with its elected mayors and the lessons they offer.",
    "I raised the case for a stronger say for local parties in how national campaign priorities are set.",
    "The staff were asked to look again at the cost of registration for national events.",
    "Colleagues paid tribute to party workers who had retired after long service.",
    "There was frustration that a promised review of the regional structures still has no clear shape.",
    "The discussion on education policy touched on school funding, teacher shortages and further education colleges.",
    "Representatives welcomed a commitment to publish clearer guidance for local party treasurers.",
    "A brief item on the party's lottery and other fundraising showed steady but unspectacular progress.",
    "We were told that the party's legal costs remain a concern, though the picture is improving.",
    "Several of us argued that the party should say more about public ownership of essential services.",
    "There was a long discussion about how the party supports candidates facing harassment online.",
    "Colleagues called for the party's internal elections to be run with more openness about the rules.",
    "I will keep pushing for a clear timetable on the issues that were left unresolved.",
    "A paper on the party's estate set out plans to make better use of regional offices.",
    "The representatives of disabled activists asked for accessible formats as standard, not on request.",
    "The discussion ended with a reminder that unity is built by respecting disagreement, not suppressing it.",
];

/// Closing paragraphs.
pub(crate) const CLOSINGS: &[&str] = &[
    "As always, get in touch if there is anything you want me to raise.",
    "Please share this report with your local party and let me know your views.",
    "If your branch or constituency party wants a speaker, just ask.",
    "Thanks for reading, and keep the questions coming.",
];

/// Bios of the Progress author box (after the name, starting `is `).
pub(crate) const BIOS: &[&str] = &[
    "is a constituency representative on Labour's national executive and a councillor in the north west",
    "is a trade union representative on Labour's national executive",
    "is a member of Labour's national executive and a school governor",
    "is a constituency representative on the national executive and works in the voluntary sector",
];

/// The Progress donation ask.
pub(crate) const ASKS: &[&str] = &[
    "Independent centre-left writing only survives with the help of readers. Please consider a regular gift.",
    "We rely on readers to keep this site going. A small monthly donation makes a real difference.",
];
