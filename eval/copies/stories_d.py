"""Hand-written "d" stories: a second wire agency's own report of the family's event.

The hardest negatives: the same facts in the same order a wire story would give them, the
same figures, and one quotation word for word (both agencies heard the same official),
but every other sentence written independently. These must not join the "a" family.
"""

D_STORIES = {
    "af": {"published": "2021-08-07T15:05:00+00:00", "outlet": "Second Wire", "text": """\
The Taliban seized Sheberghan in Jowzjan province on Saturday, officials said, a day after the insurgents overran Zaranj in the southwest.
Security forces fell back to the airport outside the city after a night of clashes, according to Nasrullah Qaderi, a provincial council member.
"The whole city is in the hands of the Taliban except the airport," Qaderi said.
Sheberghan was considered one of the best defended cities in the north because of the presence of fighters loyal to Abdul Rashid Dostum, who returned from medical treatment in Turkey this week.
Videos posted online showed fighters posing outside the main gate of the city's jail.
The defence ministry said reinforcements were on their way and claimed that 112 Taliban had been killed in the province in a day.
The United States envoy Zalmay Khalilzad was due in Qatar to press for a political settlement.
"""},
    "ua": {"published": "2022-11-11T13:10:00+00:00", "outlet": "Second Wire", "text": """\
Ukrainian forces moved into Kherson on Friday as Russia said it had finished pulling its troops out of the city and across the Dnipro.
Footage verified by reporters showed residents hugging soldiers and singing the national anthem near the regional administration building.
The retreat, announced by Defence Minister Sergei Shoigu on Wednesday, ended an occupation that began in the first week of the war.
Russia's defence ministry said more than 30,000 servicemen had been moved to the east bank of the river.
"Kherson is returning to Ukrainian control," the defence intelligence agency said on its Telegram channel, urging Russian soldiers still in the city to surrender immediately.
The Kremlin insisted the region remained part of Russia, which annexed it in September in a move most countries rejected.
Western officials said Russian forces would now be harder to dislodge from prepared positions on the east bank.
"""},
    "sd": {"published": "2023-12-19T11:30:00+00:00", "outlet": "Second Wire", "text": """\
The Rapid Support Forces took Wad Madani on Monday, residents and the paramilitary group said, extending the war to a city that had sheltered hundreds of thousands of displaced people.
The army confirmed that its troops had left their positions in the city and said an investigation had been opened.
Gezira state, Sudan's main farming region, had been largely spared since the war began in April.
"We will protect civilians and we ask residents to stay in their homes," RSF commander Mohamed Hamdan Dagalo said in a statement.
Residents described looting of markets and banks and said RSF vehicles were patrolling the main roads.
The UN said about 300,000 people had fled the state, and the World Food Programme suspended its work there.
Talks between the two sides in Jeddah broke down this month.
"""},
}
