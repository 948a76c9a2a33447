skip-to-content = Към основното съдържание
language-switcher = Езици
all-languages = Всички езици
built-with = Създадено с newsroom
choose-language = Изберете език
events-heading = Събития
no-events = Все още няма отразени събития на този език.
date-unknown = Датата не е известна
report-count = { PLURAL($count) ->
    [one] { $count } репортаж
   *[other] { $count } репортажа
}
available-in = Отразено на:
event-date = Дата
event-place = Място
reports-heading = Репортажи
other-languages-heading = Отразяване на други езици
published = Публикувано на
event = Събитие:
source = Източник:
also-in = Достъпно и на други езици
taxonomy-sectors = Сектори
taxonomy-countries = Държави
taxonomy-organisations = Организации
taxonomy-tags = Етикети
not-found-title = Страницата не е намерена
not-found-text = На този адрес няма страница. Възможно е да е преместена или връзката да е изписана грешно.
not-found-home = Към последните събития
site-sections = Раздели
nav-latest = Последни
nav-archive = Архив
archive-title = Архив
archive-year-title = Събития през { $year } г.
archive-undated = Събитията без известна дата са изброени на началната страница.
event-count = { PLURAL($count) ->
    [one] { $count } събитие
   *[other] { $count } събития
}
term-reports = Репортажи за { $term }
no-terms = В тази рубрика все още няма публикации.
pagination = Страници
pagination-newer = По-нови
pagination-older = По-стари
pagination-status = Страница { $page } от { $pages }
suggest-language = Продължете на български
