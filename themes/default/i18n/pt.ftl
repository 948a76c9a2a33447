skip-to-content = Saltar para o conteúdo principal
language-switcher = Línguas
all-languages = Todas as línguas
built-with = Criado com newsroom
choose-language = Escolha a sua língua
events-heading = Eventos
no-events = Ainda não foi noticiado nenhum evento nesta língua.
date-unknown = Data desconhecida
report-count = { PLURAL($count) ->
    [one] { $count } reportagem
    [many] { $count } de reportagens
   *[other] { $count } reportagens
}
available-in = Cobertura em:
event-date = Data
event-place = Local
reports-heading = Reportagens
other-languages-heading = Cobertura noutras línguas
published = Publicado em
event = Evento:
source = Fonte:
also-in = Também disponível em
taxonomy-sectors = Setores
taxonomy-countries = Países
taxonomy-organisations = Organizações
taxonomy-tags = Etiquetas
not-found-title = Página não encontrada
not-found-text = Não existe nenhuma página neste endereço. Pode ter sido movida ou a ligação pode ter um erro.
not-found-home = Ir para os eventos mais recentes
site-sections = Secções
nav-latest = Últimas
nav-archive = Arquivo
archive-title = Arquivo
archive-year-title = Eventos de { $year }
archive-undated = Os eventos sem data conhecida são apresentados na página inicial.
event-count = { PLURAL($count) ->
    [one] { $count } evento
    [many] { $count } de eventos
   *[other] { $count } eventos
}
term-reports = Reportagens: { $term }
no-terms = Ainda não há nada nesta secção.
pagination = Páginas
pagination-newer = Mais recentes
pagination-older = Mais antigos
pagination-status = Página { $page } de { $pages }
suggest-language = Continuar em português
