"""Hand-written evaluation stories: Ukraine 2022, Sudan 2023, Myanmar 2023-24.

Written for frontwatch's evaluation, like stories_af_sy.py: real events, invented local
officials and residents, invented words.
"""

UA = {
    "a": {"published": "2022-11-11T12:30:00+00:00", "outlet": "Wire Service", "text": """\
Ukrainian troops entered the southern city of Kherson on Friday, hours after Russia said it had completed the withdrawal of its forces to the east bank of the Dnipro river.
Residents waved blue and yellow flags in the central square as the first soldiers arrived, according to videos shared on social media and confirmed by local officials.
Ukraine's defence intelligence agency said special units were entering the city and called on any Russian soldiers left behind to surrender.
Moscow's defence ministry said more than 30,000 servicemen and about 5,000 pieces of military equipment had been moved across the river, and that no equipment or personnel had been left on the west bank.
Kherson was the only regional capital captured by Russian forces since the invasion began in February.
Regional official Serhiy Kovalenko said the retreating troops had destroyed power and water infrastructure and that the city was without electricity.
The Antonivskyi bridge, the main crossing over the Dnipro, was partly destroyed on Friday morning, images showed.
"""},
    "b": {"published": "2022-11-11T19:15:00+00:00", "outlet": "Black Sea Post", "text": """\
Olena Marchenko had kept a Ukrainian flag folded under her mattress for eight months. On Friday afternoon she carried it to Freedom Square in Kherson and tied it to a lamp post while strangers cheered and cried around her.
"We waited for this every morning," the 61-year-old retired nurse said. "Every morning."
The Russian army had announced on Wednesday that it would pull out of the city, the only regional capital it had seized since February, and by Friday its units were gone from the right bank of the Dnipro.
Ukrainian soldiers arriving in the city were stopped every few metres by residents offering them apples and hugs.
There was no electricity and little water, and people queued at the few working wells.
Officials warned that the retreating forces had mined buildings and roads, and asked residents to stay away from the damaged Antonivskyi bridge.
Moscow said some 30,000 troops had crossed to the east bank.
"""},
    "c": {"published": "2022-11-10T15:00:00+00:00", "outlet": "Black Sea Post", "text": """\
Ukrainian forces retook the town of Snihurivka in the Mykolaiv region on Thursday, officials said, as Russian units began pulling back from positions north of Kherson.
The town of about 12,000 people had been held by Russia since March and lies on a road and rail line leading toward the Dnipro.
A local administration head, Yuriy Paliy, said soldiers had raised the Ukrainian flag over the town hall and that engineers were clearing mines from the main street.
Kyiv officials urged caution, saying the Russian announcement of a retreat from the west bank of the Dnipro could be a trap.
President Volodymyr Zelensky said Ukrainian troops were moving carefully and that 41 settlements had been liberated in the south since early October.
"""},
    "spin": {"published": "2022-11-12T07:40:00+00:00", "outlet": "World Update 24", "text": """\
On Friday, the soldiers of Ukraine went into the southern city of Kherson, a few hours after Russia announced that it finished pulling its troops back to the eastern bank of the river Dnipro.
Citizens were waving yellow and blue flags on the main square when the first troops came, local officials confirmed, based on videos circulated on social networks.
Kherson was the single regional capital that Russian troops had seized since the start of the invasion in February.
The defence intelligence service of Ukraine stated that special forces units were moving into the city and urged all Russian troops who stayed behind to give up.
According to the Russian defence ministry, above 30,000 soldiers and nearly 5,000 units of military hardware were transferred across the river, leaving no personnel or equipment behind on the western bank.
Serhiy Kovalenko, a regional official, stated that the city had no power because the withdrawing soldiers wrecked the electricity and water facilities.
"""},
    "spin2": {"published": "2022-11-12T10:05:00+00:00", "outlet": "Daily Brief Online", "text": """\
Kherson, the only regional capital captured by Moscow's army since February, saw Ukrainian forces arrive on Friday, only hours after Russia stated its troops had completed their pullback to the east side of the Dnipro.
As the first soldiers arrived, residents in the central square waved blue-and-yellow flags, as seen in footage on social media that local authorities confirmed.
The Russian ministry of defence claimed that in excess of 30,000 military personnel and about 5,000 pieces of equipment had crossed the river and nothing was abandoned on the west bank.
Ukraine's military intelligence announced that special units had begun entering Kherson, calling on Russian soldiers remaining there to lay down their arms.
Regional official Serhiy Kovalenko reported that the power and water systems were destroyed by the departing troops, so the city has no electricity.
"""},
}

SD = {
    "a": {"published": "2023-12-19T10:00:00+00:00", "outlet": "Wire Service", "text": """\
Sudan's paramilitary Rapid Support Forces said on Monday they had taken control of Wad Madani, the capital of Gezira state, after the army withdrew from the city.
The army said it was investigating why its troops had pulled out of Wad Madani and promised to announce the results of the inquiry.
Wad Madani, about 170 kilometres southeast of Khartoum, had become a refuge for about half a million people who fled the fighting in the capital since April.
The RSF entered Gezira state on Friday after crossing the Blue Nile at Rufaa, and clashes were reported near the Hantoub bridge over the weekend.
The United Nations said up to 300,000 people had fled Gezira in the past week, many of them for the second time.
Aid groups including the World Food Programme said they had suspended operations in the state, which was a hub for relief work across Sudan.
RSF commander Mohamed Hamdan Dagalo said in a statement that his forces would protect civilians and asked residents to stay in their homes.
"""},
    "b": {"published": "2023-12-19T15:30:00+00:00", "outlet": "Nile Correspondent", "text": """\
Families who had fled Khartoum for Wad Madani in the spring found themselves on the road again this week, walking south toward Sennar with whatever they could carry.
Amna Osman, a pharmacist who reached Madani in May, said she left on Sunday when shells began falling near the Hantoub bridge.
"We thought Madani was the safe place," she said from a bus station in Sennar. "Now we do not know where safe is."
By Monday the Rapid Support Forces controlled the city, and the army's withdrawal set off angry comments from supporters of the military on social media.
The World Food Programme said it had paused deliveries in Gezira, where it had fed 800,000 people.
The UN estimated that 300,000 people had left the state within days, and doctors warned that Madani's hospitals had been looted.
"""},
    "c": {"published": "2023-12-16T12:00:00+00:00", "outlet": "Nile Correspondent", "text": """\
Fighters of the Rapid Support Forces attacked villages in eastern Gezira state on Friday, residents said, the first major RSF push into the agricultural heartland south of Khartoum.
Witnesses said convoys of armed pickups crossed the Blue Nile near Rufaa and advanced toward Hantoub, a town facing Wad Madani across the river.
Army aircraft struck RSF positions near the bridge, and residents of Wad Madani said they could hear explosions through the night.
Local resistance committees reported that at least 14 civilians were killed in the villages and that shops were looted.
The army said it had repelled the attack and that the situation in Gezira was under control.
The fighting since April has killed thousands of people and displaced more than six million inside Sudan.
"""},
    "spin": {"published": "2023-12-20T09:10:00+00:00", "outlet": "Africa Live Feed", "text": """\
The Rapid Support Forces, a paramilitary group in Sudan, announced on Monday that they seized Wad Madani, the capital city of Gezira state, after the military pulled out of the city.
Located around 170 kilometres southeast of Khartoum, Wad Madani had turned into a shelter for nearly half a million people who escaped the conflict in the capital since April.
The military stated it was looking into the reason its soldiers left Wad Madani and vowed to reveal the findings of the investigation.
According to the United Nations, as many as 300,000 people escaped Gezira during the last week, a lot of them being displaced for the second time.
The RSF moved into Gezira state on Friday by crossing the Blue Nile at Rufaa, and fighting was reported close to the Hantoub bridge during the weekend.
Relief organisations such as the World Food Programme stated they halted their work in the state, which served as a center for humanitarian operations all over Sudan.
"""},
}

MM = {
    "a": {"published": "2024-08-04T08:15:00+00:00", "outlet": "Wire Service", "text": """\
An ethnic armed group said on Saturday it had captured the headquarters of the Myanmar military's Northeastern Command in Lashio, the largest town in northern Shan state.
The Myanmar National Democratic Alliance Army said in a statement that its fighters had seized the command base after weeks of fighting and that senior officers had been detained.
It is the first time a regional military command has fallen to an armed group since the junta took power in a coup in February 2021.
Lashio, home to about 150,000 people, lies on the main trade road to China.
A military spokesman did not answer calls seeking comment. State media said earlier in the week that troops were fighting to defend the town.
The MNDAA is part of the Three Brotherhood Alliance, which launched Operation 1027 in October 2023 and has since captured dozens of towns along the Chinese border.
China, which brokered a ceasefire in January, called on both sides to stop fighting.
"""},
    "b": {"published": "2024-08-04T13:00:00+00:00", "outlet": "Mekong Observer", "text": """\
Residents of Lashio who stayed through weeks of shelling said the town fell quiet on Saturday morning as soldiers of the Northeastern Command laid down their weapons.
A 45-year-old trader, who gave his name as Ko Zaw, said he saw a column of MNDAA fighters walking toward the command compound after a night of heavy explosions.
Many of Lashio's 150,000 residents had already left for Mandalay and Taunggyi, he said, and those who remained ran short of rice and fuel.
The capture hands the Kokang group control of a hub on the road to the Chinese border at Muse and deals the junta one of the heaviest defeats since the coup in February 2021.
Analysts said the loss of a regional command would hurt army morale and could encourage other resistance groups to push toward Mandalay.
Beijing has not commented on the fighting.
"""},
    "c": {"published": "2024-01-05T11:00:00+00:00", "outlet": "Mekong Observer", "text": """\
The Myanmar National Democratic Alliance Army said on Friday it had taken Laukkai, the capital of the Kokang region on the Chinese border, after more than 2,000 soldiers surrendered.
Six brigadier generals were among those who laid down their arms, the group said, in what analysts called the largest surrender in the army's history.
Laukkai was notorious for scam centres run by criminal gangs, and China had pressed the junta to shut them down.
The offensive in northern Shan state, known as Operation 1027, began in October 2023 when the Three Brotherhood Alliance attacked army posts along the border.
The junta's spokesman said talks brokered by China were continuing and that troops had been withdrawn to avoid harm to civilians.
"""},
    "spin": {"published": "2024-08-05T06:30:00+00:00", "outlet": "Asia Breaking", "text": """\
An armed ethnic group announced on Saturday that it took over the Northeastern Command headquarters of the Myanmar army in Lashio, the biggest town of northern Shan state.
According to a statement from the Myanmar National Democratic Alliance Army, its forces captured the command base following weeks of clashes and high-ranking officers were arrested.
This is the first time that an armed group has seized a regional command of the military since the junta grabbed power in the February 2021 coup.
The MNDAA belongs to the Three Brotherhood Alliance, which started Operation 1027 in October 2023 and has taken dozens of towns along the border with China ever since.
Lashio, with a population of around 150,000, sits on the main commercial road to China.
China, which mediated a truce in January, urged both sides to halt the fighting.
"""},
}

# New leads of the near-verbatim copies: an outlet's own first sentence over the wire text.
TRIM_LEADS = {
    "af": "The Taliban's summer offensive claimed another northern city this weekend.",
    "sy": "The war in Syria flared again this week in a way few expected.",
    "ua": "It was a day many in southern Ukraine had waited eight months to see.",
    "sd": "Sudan's war reached one of its last safe havens this week.",
    "mm": "Myanmar's junta suffered another major setback in the north on Saturday.",
}
