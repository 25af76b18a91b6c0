"""Hand-written rewrites of the "b" stories (the independent ones), one per family.

A content farm spinning the independent story: its copies must join "b", never "a".
"""

B_SPINS = {
    "af": {"published": "2021-08-08T07:15:00+00:00", "outlet": "Trend Wire 365", "text": """\
On Saturday afternoon Taliban militants hoisted their white banner above the central square of Sheberghan, while residents described roads left empty of police officers.
Home to about 175,000 people, the Jowzjan city is the stronghold of Abdul Rashid Dostum, an Uzbek commander who battled the movement for decades.
A shop owner who gave only his first name, Karim, said that fighters on motorcycles drove by the governor's office as families packed their cars to travel west to Andkhoy.
Reporters in the area said the jail was opened and hundreds of prisoners, 600 according to some reports, walked free.
In Kabul, officials claimed the military only withdrew to the airport to regroup and would strike back within days.
"""},
    "sy": {"published": "2024-12-01T09:45:00+00:00", "outlet": "Headline Stream", "text": """\
Seeing gunmen in pickup trucks next to the citadel on Saturday revived memories that many Aleppo residents had tried to forget since the siege ended in 2016.
Rana Haddad, a teacher aged 34 who lives in the Hamdaniyeh neighbourhood, told by telephone that she stayed inside her apartment since Friday night and heard shooting close to the university.
She said that no one knows who controls which street, that bakeries shut down and that water supply is irregular.
Hayat Tahrir al-Sham fighters and their allies shared videos from Saadallah al-Jabiri square, while state TV claimed the army was battling "terrorist groups" in the western districts.
A monitor said 277 people died in four days of clashes, civilians killed by airstrikes on Idlib among them.
"""},
    "ua": {"published": "2022-11-12T08:20:00+00:00", "outlet": "Pulse News Today", "text": """\
For eight months Olena Marchenko hid a folded Ukrainian flag beneath her mattress, and on Friday afternoon she brought it to Kherson's Freedom Square and fastened it to a lamp post as people around her cheered and wept.
The retired nurse, 61, said they had waited for this moment every single morning.
Arriving Ukrainian troops had to stop every few metres because locals offered them hugs and apples.
Russia's army had said on Wednesday it would leave the city, the sole regional capital it captured since February, and by Friday its forces had left the right bank of the Dnipro.
The city had no power and hardly any water, with people lining up at a handful of functioning wells.
"""},
    "sd": {"published": "2023-12-20T07:00:00+00:00", "outlet": "Continental Buzz", "text": """\
Families that escaped Khartoum to Wad Madani in spring were displaced once more this week, walking southwards to Sennar carrying whatever they could.
Pharmacist Amna Osman, who arrived in Madani in May, explained that she fled on Sunday after shells started to land near the Hantoub bridge.
Speaking at a Sennar bus station, she said they had believed Madani was the safe place and now no longer know where safety is.
The Rapid Support Forces had control of the city by Monday, and the withdrawal of the army provoked angry posts by military supporters on social media.
According to the World Food Programme, which had fed 800,000 people in Gezira, deliveries there have been paused.
"""},
    "mm": {"published": "2024-08-05T09:00:00+00:00", "outlet": "Trend Wire 365", "text": """\
Lashio residents who remained during weeks of bombardment said the town went silent on Saturday morning when Northeastern Command soldiers put down their arms.
Ko Zaw, a trader aged 45, said he watched a line of MNDAA fighters marching to the command compound following a night of loud blasts.
According to him, many of the 150,000 inhabitants of Lashio had already fled to Mandalay and Taunggyi, and the ones who stayed lacked fuel and rice.
Analysts believe that losing a regional command will damage the morale of the army and might push other resistance groups to advance on Mandalay.
The capture gives the Kokang group a hub on the road to the Chinese border at Muse and inflicts on the junta one of its worst defeats since the February 2021 coup.
"""},
}
